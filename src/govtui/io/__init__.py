"""Reading and writing reports: the TOML file, the published formats, atomic writes."""
