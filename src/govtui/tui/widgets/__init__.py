"""The editor's own widgets: the grid, the balance line, prose fields, the top bars."""
