"""Standard MIDI Files at the byte level: a bounded walk over a file's events, reading them, and writing a song."""
