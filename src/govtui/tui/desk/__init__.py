"""The desk in the terminal: ``govtui 名单.toml`` (a roster) opens it."""
