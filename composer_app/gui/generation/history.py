"""The result sets kept in the project file: written as plain JSON, read back leniently (a damaged entry is skipped)."""

from __future__ import annotations

from composer_app.gui.generation.candidates_strip import CandidateView, ResultSet
from composer_app.music.song import Note, Song, TempoChange, Track, drum_track

HISTORY_VERSION = 1


def _rows(notes) -> list[list[int]]:
    return [[n.start, n.pitch, n.duration, n.velocity] for n in notes]


def history_json(sets: list[ResultSet]) -> list:
    """Every result set as JSON-ready data: the settings, and each candidate's song and new notes."""
    out = []
    for s in sets:
        out.append({
            "version": HISTORY_VERSION, "set_id": s.set_id, "label": s.label, "settings": s.settings,
            "candidates": [{"index": c.index, "label": c.label, "seam_tick": c.seam_tick, "is_drums": c.is_drums,
                            "seed": c.seed, "temperature": c.temperature,
                            "new_notes": _rows(c.new_notes),
                            "song_notes": _rows(n for t in c.song.tracks for n in t.notes),
                            "qpm": c.song.qpm, **_parts_json(c.parts)} for c in s.candidates],
        })
    return out


def _parts_json(parts) -> dict:
    """The parts a clip keeps into (their tracks and placed notes); nothing for a one-track candidate."""
    if not parts:
        return {}
    return {"parts": [{"name": t.name, "program": t.program, "is_drum": t.is_drum, "channel": t.channel,
                       "notes": _rows(t.notes)} for t in parts]}


def _parts(c: dict) -> tuple:
    return tuple(Track(str(p["name"]), int(p["program"]), bool(p["is_drum"]), int(p["channel"]),
                       tuple(Note(*map(int, n)) for n in p["notes"])) for p in c.get("parts") or ())


def _view(set_id: int, c: dict) -> CandidateView:
    notes = tuple(Note(*map(int, n)) for n in c["song_notes"])
    track = drum_track(notes=notes) if c["is_drums"] else Track("Candidate", notes=notes)
    return CandidateView(set_id, int(c["index"]), Song(tracks=(track,), tempos=(TempoChange(0, float(c["qpm"])),)),
                         tuple(Note(*map(int, n)) for n in c["new_notes"]), int(c["seam_tick"]), str(c["label"]),
                         bool(c["is_drums"]),
                         # None in histories saved before cards showed their seed
                         *(None if c.get(k) is None else kind(c[k]) for k, kind in (("seed", int),
                                                                                    ("temperature", float))),
                         parts=_parts(c))


def restore_sets(data) -> list[ResultSet]:
    """The result sets of a project's history; an entry that cannot be read is left out (the song is never at risk)."""
    sets = []
    for entry in data or []:
        try:
            set_id = int(entry["set_id"])
            views = [_view(set_id, c) for c in entry["candidates"]]
            sets.append(ResultSet(set_id, str(entry["label"]), views, entry["settings"]))
        except (KeyError, TypeError, ValueError):
            continue
    return sets
