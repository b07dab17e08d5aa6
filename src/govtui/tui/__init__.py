"""The terminal editor (Textual). Imported only by ``govtui edit``: every other command stays
free of Textual's start-up cost."""
