"""The result sets kept in the project file: written as plain JSON, read back leniently (a damaged entry is skipped)."""

from __future__ import annotations

from composer_app.gui.generation.candidates_strip import CandidateView, ResultSet
from composer_app.music.song import Note, Song, TempoChange, Track, drum_track

HISTORY_VERSION = 1


def _rows(notes) -> list[list[int]]:
    return [[n.start, n.pitch, n.duration, n.velocity] for n in notes]


def _tracks_json(tracks) -> list[dict]:
    return [{"name": t.name, "is_drum": t.is_drum, "program": t.program, "channel": t.channel,
             "notes": _rows(t.notes)} for t in tracks]


def _tracks(data) -> tuple[Track, ...]:
    tracks = []
    for t in data:
        notes = tuple(Note(*map(int, n)) for n in t["notes"])
        name = str(t["name"])
        if bool(t["is_drum"]):
            tracks.append(drum_track(name=name, notes=notes))
            continue
        track = Track(name, program=int(t["program"]), notes=notes)
        # The channel a harmony part was given; written since version 1 of parts, so older entries lack it.
        tracks.append(track.replace(channel=int(t["channel"])) if "channel" in t else track)
    return tuple(tracks)


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
                            # A clip of several parts (a MusicVAE trio) or for another track (a harmony)
                            # keeps each part, so Keep still fills its tracks after the project is reopened.
                            "song_tracks": _tracks_json(c.song.tracks), "parts": _tracks_json(c.parts),
                            "qpm": c.song.qpm} for c in s.candidates],
        })
    return out


def _view(set_id: int, c: dict) -> CandidateView:
    if "song_tracks" in c:
        tracks = _tracks(c["song_tracks"])
    else:  # histories saved before parts were kept: one track of every note
        notes = tuple(Note(*map(int, n)) for n in c["song_notes"])
        tracks = (drum_track(notes=notes) if c["is_drums"] else Track("Candidate", notes=notes),)
    return CandidateView(set_id, int(c["index"]), Song(tracks=tracks, tempos=(TempoChange(0, float(c["qpm"])),)),
                         tuple(Note(*map(int, n)) for n in c["new_notes"]), int(c["seam_tick"]), str(c["label"]),
                         bool(c["is_drums"]),
                         # None in histories saved before cards showed their seed
                         *(None if c.get(k) is None else kind(c[k]) for k, kind in (("seed", int),
                                                                                    ("temperature", float))),
                         parts=_tracks(c.get("parts") or ()))


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
