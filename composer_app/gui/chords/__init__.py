"""Chord symbols in the app: the chord lane above the roll, its undoable edits and the Chords track."""
