"""Notes in the roll: the spatial index, cached rectangles, pure edits and undoable actions."""
