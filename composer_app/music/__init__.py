"""The pure music core: songs, tracks and notes, file I/O, Magenta's event views and encodings (no Qt)."""

from composer_app.music.errors import MusicFileError, PrimerError
from composer_app.music.io import READABLE_SUFFIXES, read_song, read_songs, write_song
from composer_app.music.song import (
    DEFAULT_QPM,
    DRUM_CHANNEL,
    PPQ,
    ChordSymbol,
    Note,
    Song,
    TempoChange,
    TimeSignature,
    Track,
    drum_track,
    new_song,
    step_to_tick,
    tick_to_step,
    ticks_per_step,
)

__all__ = [
    "MusicFileError", "PrimerError", "READABLE_SUFFIXES", "read_song", "read_songs", "write_song",
    "DEFAULT_QPM", "DRUM_CHANNEL", "PPQ", "ChordSymbol", "Note", "Song", "TempoChange", "TimeSignature",
    "Track", "drum_track", "new_song", "step_to_tick", "tick_to_step", "ticks_per_step",
]
