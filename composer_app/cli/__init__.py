"""The `composer-app` command line: the GUI by default, and headless subcommands."""
