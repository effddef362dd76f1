"""Read any supported music file into a Song, and write Songs out, choosing the format by suffix."""

from __future__ import annotations

import os
from pathlib import Path

from composer_app.music.errors import MusicFileError
from composer_app.music.midi_io import read_midi, write_midi
from composer_app.music.score_io import SCORE_SUFFIXES, read_score, read_scores
from composer_app.music.song import Song
from composer_app.said import said

MIDI_SUFFIXES = (".mid", ".midi", ".smf", ".kar")
READABLE_SUFFIXES = MIDI_SUFFIXES + SCORE_SUFFIXES


def is_readable(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in READABLE_SUFFIXES


def read_song(path: str | os.PathLike) -> Song:
    """Read a MIDI, MusicXML, .mxl, ABC or Humdrum file (the first piece, for collections)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise MusicFileError(path, said("no such file"))
    if path.is_dir():
        raise MusicFileError(path, said("is a folder, not a music file"))
    if suffix in MIDI_SUFFIXES:
        return read_midi(path)
    if suffix in SCORE_SUFFIXES:
        return read_score(path)
    # An unknown suffix: sniff MIDI by its header, otherwise say what we accept.
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise MusicFileError(path, exc.strerror or str(exc)) from None
    if head == b"MThd":
        return read_midi(path)
    raise MusicFileError(path, said("unsupported file type; readable types are {suffixes}").format(
        suffixes=", ".join(READABLE_SUFFIXES)))


def read_songs(path: str | os.PathLike) -> list[Song]:
    """Every piece in a file: one for MIDI, possibly many for an ABC collection."""
    path = Path(path)
    if path.suffix.lower() in SCORE_SUFFIXES:
        return read_scores(path)
    return [read_song(path)]


def write_song(song: Song, path: str | os.PathLike) -> Path:
    """Write a song; only Standard MIDI Files are written."""
    path = Path(path)
    if path.suffix.lower() not in MIDI_SUFFIXES:
        raise MusicFileError(path, said("can only write MIDI files (.mid)"))
    return write_midi(song, path)
