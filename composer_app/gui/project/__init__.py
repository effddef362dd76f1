"""The open project: the document and its undo commands, the file format, autosave and file actions."""
