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
from composer_app.gui.project import project_values as values
from composer_app.music.errors import MusicFileError
from composer_app.music.song import (
    MAX_BARS,
    MAX_NOTES,
    MAX_TICK,
    MAX_TIME_SIGNATURES,
    MAX_TRACKS,
    ChordSymbol,
    Song,
    TempoChange,
    TimeSignature,
    Track,
    song_limit_problem,
)
from composer_app.said import said
from composer_app.user_files import read_limited

FORMAT_NAME = "composer-project"
FORMAT_VERSION = 1
PROJECT_SUFFIX = ".composer"
DEFAULT_LENGTH_BARS = 8
MAX_PROJECT_BYTES = 64 * 1024 * 1024
MAX_SONGS = 256  # the editor shows the first; the others are kept as they are

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


def _song_from_json(data: Any) -> ProjectSong:
    """One song object, every value checked (project_values); raises ValueError saying what is wrong."""
    data = values.record(data, said("song"))
    raw_tracks = values.items(data.get("tracks", []), said("tracks"))
    if len(raw_tracks) > MAX_TRACKS:
        raise values.DamagedValue(said("the song has {count} tracks; a song can have up to {limit}").format(
            count=len(raw_tracks), limit=MAX_TRACKS))
    raw_tracks = [values.record(t, said("track")) for t in raw_tracks]
    raw_notes = [values.items(t.get("notes", []), said("notes")) for t in raw_tracks]
    tracks, looks = [], []
    for i, (t, notes) in enumerate(zip(raw_tracks, raw_notes)):
        tracks.append(Track(name=values.text(t.get("name", "Track"), said("track name")),
                            program=values.whole(t.get("program", 0), said("program"), 0, 127),
                            is_drum=values.flag(t.get("is_drum", False), "is_drum"),
                            channel=values.whole(t.get("channel", 0), said("channel"), 0, 15),
                            notes=tuple(values.note(n) for n in notes)))
        looks.append(TrackLook(color=values.text(t.get("color", default_look(i).color), said("track colour")),
                               muted=values.flag(t.get("muted", False), said("muted")),
                               soloed=values.flag(t.get("soloed", False), said("soloed"))))
    tempos = []
    for entry in values.items(data.get("tempos", []), said("tempos")):
        tick, qpm = values.row(entry, 2, said("tempo"))
        tick = values.whole(tick, said("tempo tick"), 0, MAX_TICK)
        tempos.append(TempoChange(tick, values.tempo_qpm(qpm, tick)))
    sigs = values.items(data.get("time_signatures", []), "time_signatures")
    if len(sigs) > MAX_TIME_SIGNATURES:
        raise values.DamagedValue(said("the song changes time signature {count} times").format(count=len(sigs)))
    signatures = []
    for entry in sigs:
        tick, numerator, denominator = values.row(entry, 3, said("time signature"))
        signatures.append(TimeSignature(values.whole(tick, said("time signature tick"), 0, MAX_TICK),
                                        values.whole(numerator, said("time signature numerator")),
                                        values.whole(denominator, said("time signature denominator"))))
    chords = []
    for entry in values.items(data.get("chords", []), said("chords")):
        tick, figure = values.row(entry, 2, said("chord"))
        chords.append(ChordSymbol(values.whole(tick, said("chord tick"), 0, MAX_TICK),
                                  values.text(figure, said("chord"))))
    song = Song(tracks=tracks, tempos=tempos, time_signatures=signatures, chords=chords,
                title=values.text(data.get("title", ""), said("title")))
    problem = song_limit_problem(song)
    if problem:
        raise values.DamagedValue(problem)
    length = values.whole(data.get("length_bars", DEFAULT_LENGTH_BARS), "length_bars", 1, MAX_BARS)
    return ProjectSong(song, tuple(looks), length)


def _note_count(raw_songs: list) -> int:
    """How many notes the songs' JSON holds (parts of the wrong type count none: _song_from_json reports them)."""
    count = 0
    for song in raw_songs:
        tracks = song.get("tracks") if isinstance(song, dict) else None
        for track in tracks if isinstance(tracks, list) else ():
            notes = track.get("notes") if isinstance(track, dict) else None
            count += len(notes) if isinstance(notes, list) else 0
    return count


def project_from_json(data: Any, path: str | os.PathLike = "<project>") -> Project:
    """Build a Project from parsed JSON, or raise ProjectFileError saying what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectFileError(path, said("not a Composer project file"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError(path, said("unknown project format version {version}").format(
            version=values.shown(version)))
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            path, said("made by a newer Composer (project format {version}; this version reads up to {supported})")
            .format(version=version, supported=FORMAT_VERSION))
    try:
        raw_songs = values.items(data.get("songs", []), said("songs"))
        if len(raw_songs) > MAX_SONGS:
            raise values.DamagedValue(said("the project holds {count} songs; a project holds up to {limit}").format(
                count=len(raw_songs), limit=MAX_SONGS))
        if _note_count(raw_songs) > MAX_NOTES:  # counted before half a million Note objects are made
            raise values.DamagedValue(said("the project holds more than {limit:,} notes").format(limit=MAX_NOTES))
        songs = tuple(_song_from_json(s) for s in raw_songs)
    except (values.DamagedValue, TypeError, ValueError, KeyError, AttributeError) as exc:
        # A DamagedValue's message is said() text, kept so that it is shown translated; other errors are bugs' words.
        problem = exc.args[0] if isinstance(exc, values.DamagedValue) and len(exc.args) == 1 else str(exc)
        raise ProjectFileError(path, said("damaged song data ({problem})").format(problem=problem)) from None
    if not songs:
        raise ProjectFileError(path, said("the project holds no song"))
    generation = data.get("generation", {})
    return Project(songs, generation if isinstance(generation, dict) else {},
                   values.clean_history(data.get("candidates", [])))


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
        raise ProjectFileError(path, said("cannot write in {folder}: no such folder").format(folder=str(folder)))
    try:
        return write_atomically(path, lambda fh: fh.write(data))
    except OSError as exc:
        raise ProjectFileError(path, said("could not write the file: {reason}").format(
            reason=exc.strerror or str(exc))) from None


def save_project(project: Project, path: str | os.PathLike) -> Path:
    """Save a project atomically (see atomic_write)."""
    return atomic_write(path, project_bytes(project))


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file, or raise ProjectFileError (missing, not JSON, damaged, or from a newer version)."""
    path = Path(path)
    raw = read_limited(path, MAX_PROJECT_BYTES, said("project file"), ProjectFileError)
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ProjectFileError(path, said("not a Composer project file (its JSON is nested too deeply)")) from None
    except ValueError as exc:  # bad UTF-8, bad JSON, or an integer of thousands of digits
        raise ProjectFileError(path, said("not a Composer project file (not valid JSON: {reason})").format(
            reason=str(exc))) from None
    return project_from_json(data, path)


def is_project_path(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() == PROJECT_SUFFIX
