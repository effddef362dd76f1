"""The app's project file: versioned JSON holding songs, track looks, generation settings and kept candidates.

Qt-free on purpose, so that it can move into the core later. The format is documented in docs/project-format.md.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from composer_app import __version__
from composer_app.music.errors import MusicFileError
from composer_app.music.song import ChordSymbol, Note, Song, TempoChange, TimeSignature, Track
from composer_app.user_files import read_limited

FORMAT_NAME = "composer-project"
FORMAT_VERSION = 1
PROJECT_SUFFIX = ".composer"
DEFAULT_LENGTH_BARS = 8
MAX_PROJECT_BYTES = 64 * 1024 * 1024

TRACK_COLORS = ("#4fb3ff", "#ffb347", "#7ee081", "#ff6f91", "#c49bff", "#ffe066", "#5ce1e6", "#ff9a76")


class ProjectFileError(MusicFileError):
    """A project file could not be read or written; the message says why in a user's words."""


@dataclass(frozen=True)
class TrackLook:
    """How a track shows and sounds in the editor, beside the music: colour, mute and solo."""

    color: str = TRACK_COLORS[0]
    muted: bool = False
    soloed: bool = False


def default_look(index: int) -> TrackLook:
    return TrackLook(color=TRACK_COLORS[index % len(TRACK_COLORS)])


def fit_looks(looks: tuple[TrackLook, ...], count: int) -> tuple[TrackLook, ...]:
    """Looks for count tracks: the given ones first, then defaults (or truncated)."""
    looks = tuple(looks[:count])
    return looks + tuple(default_look(i) for i in range(len(looks), count))


@dataclass(frozen=True)
class ProjectSong:
    """One song of a project with what the editor keeps beside it; the unit every undoable edit swaps."""

    song: Song
    looks: tuple[TrackLook, ...] = ()
    length_bars: int = DEFAULT_LENGTH_BARS

    def __post_init__(self) -> None:
        if len(self.looks) != len(self.song.tracks):
            object.__setattr__(self, "looks", fit_looks(tuple(self.looks), len(self.song.tracks)))

    def replace(self, **changes) -> ProjectSong:
        return replace(self, **changes)


@dataclass(frozen=True)
class Project:
    """A whole project: its songs (the first is the one being edited) and the generation feature's data.

    `generation` and `candidates` are kept as opaque JSON values until the generation feature defines them.
    """

    songs: tuple[ProjectSong, ...]
    generation: dict[str, Any] = field(default_factory=dict)
    candidates: list[Any] = field(default_factory=list)


# -- to and from JSON values -------------------------------------------------------------


def _song_to_json(ps: ProjectSong) -> dict[str, Any]:
    song = ps.song
    return {
        "title": song.title,
        "length_bars": ps.length_bars,
        "tempos": [[t.tick, t.qpm] for t in song.tempos],
        "time_signatures": [[s.tick, s.numerator, s.denominator] for s in song.time_signatures],
        "chords": [[c.tick, c.figure] for c in song.chords],
        "tracks": [
            {
                "name": t.name,
                "program": t.program,
                "is_drum": t.is_drum,
                "channel": t.channel,
                "color": look.color,
                "muted": look.muted,
                "soloed": look.soloed,
                "notes": [[n.start, n.pitch, n.duration, n.velocity] for n in t.notes],
            }
            for t, look in zip(song.tracks, ps.looks)
        ],
    }


def project_to_json(project: Project) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "songs": [_song_to_json(s) for s in project.songs],
        "generation": project.generation,
        "candidates": project.candidates,
    }


def _song_from_json(data: dict[str, Any]) -> ProjectSong:
    tracks, looks = [], []
    for i, t in enumerate(data.get("tracks", [])):
        notes = tuple(Note(int(s), int(p), int(d), int(v)) for s, p, d, v in t.get("notes", []))
        tracks.append(Track(name=str(t.get("name", "Track")), program=int(t.get("program", 0)),
                            is_drum=bool(t.get("is_drum", False)), channel=int(t.get("channel", 0)), notes=notes))
        looks.append(TrackLook(color=str(t.get("color", default_look(i).color)),
                               muted=bool(t.get("muted", False)), soloed=bool(t.get("soloed", False))))
    song = Song(
        tracks=tracks,
        tempos=[TempoChange(int(tick), float(qpm)) for tick, qpm in data.get("tempos", [])],
        time_signatures=[TimeSignature(int(tick), int(n), int(d)) for tick, n, d in data.get("time_signatures", [])],
        chords=[ChordSymbol(int(tick), str(fig)) for tick, fig in data.get("chords", [])],
        title=str(data.get("title", "")),
    )
    for sig in song.time_signatures:
        if sig.numerator <= 0 or sig.denominator <= 0:
            raise ValueError(f"time signature {sig} is not valid")
    return ProjectSong(song, tuple(looks), max(1, int(data.get("length_bars", DEFAULT_LENGTH_BARS))))


def project_from_json(data: Any, path: str | os.PathLike = "<project>") -> Project:
    """Build a Project from parsed JSON, or raise ProjectFileError saying what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectFileError(path, "not a Composer project file")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectFileError(path, f"unknown project format version {version!r}")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            path, f"made by a newer Composer (project format {version}; this version reads up to {FORMAT_VERSION})"
        )
    try:
        songs = tuple(_song_from_json(s) for s in data.get("songs", []))
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ProjectFileError(path, f"damaged song data ({exc})") from None
    if not songs:
        raise ProjectFileError(path, "the project holds no song")
    generation = data.get("generation", {})
    candidates = data.get("candidates", [])
    return Project(songs, generation if isinstance(generation, dict) else {},
                   candidates if isinstance(candidates, list) else [])


# -- files -------------------------------------------------------------------------------


def project_bytes(project: Project) -> bytes:
    # Compact separators: a 10,000-note song stays a few hundred kilobytes.
    return json.dumps(project_to_json(project), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def atomic_write(path: str | os.PathLike, data: bytes) -> Path:
    """Write data so that path holds either the old or the new content, never half of it."""
    from composer_app.atomic_file import write_atomically

    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ProjectFileError(path, f"cannot write in {folder}: no such folder")
    try:
        return write_atomically(path, lambda fh: fh.write(data))
    except OSError as exc:
        raise ProjectFileError(path, f"could not write the file: {exc.strerror or exc}") from None


def save_project(project: Project, path: str | os.PathLike) -> Path:
    """Save a project atomically (see atomic_write)."""
    return atomic_write(path, project_bytes(project))


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file, or raise ProjectFileError (missing, not JSON, damaged, or from a newer version)."""
    path = Path(path)
    raw = read_limited(path, MAX_PROJECT_BYTES, "project file", ProjectFileError)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProjectFileError(path, f"not a Composer project file (not valid JSON: {exc})") from None
    return project_from_json(data, path)


def is_project_path(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == PROJECT_SUFFIX
