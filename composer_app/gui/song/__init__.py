"""The song's own panels: the track list and the tempo, metre and length controls."""
