"""Lead sheets: (melody, chords) training pairs from scores and MIDI files, where Magenta's pipeline drops them."""

# Deliberately empty: score_io imports leadsheets.figures, and a package that imported its extractor here would
# import score_io back while it is still loading.
