"""The piano roll: canvas, editor, keys, lanes, grid, ruler, timeline, viewport and velocity lane."""
