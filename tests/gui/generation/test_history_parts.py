"""Result sets saved with a project come back whole: a trio's three parts, and histories saved before parts were."""

from __future__ import annotations

from composer_app.gui.generation.candidates_strip import CandidateView, ResultSet
from composer_app.gui.generation.history import history_json, restore_sets
from composer_app.music.song import Note, Song, Track, drum_track


def _trio_view() -> CandidateView:
    melody = Track("Melody", program=0, notes=(Note(0, 72, 240, 90),))
    bass = Track("Bass", program=33, notes=(Note(0, 36, 480, 80),))
    drums = drum_track(name="Drums", notes=(Note(0, 36, 120, 100), Note(240, 42, 120, 70)))
    song = Song(tracks=(melody, bass, drums))
    notes = tuple(sorted(n for t in song.tracks for n in t.notes))
    return CandidateView(1, 0, song, notes, 0, "", False, seed=4, temperature=0.5, parts=(melody, bass, drums))


def test_a_trio_keeps_its_three_parts_through_the_project_file():
    """history_json then restore_sets gives back the parts (names, kinds, programs, notes) and the song's tracks."""
    view = _trio_view()
    (restored,) = restore_sets(history_json([ResultSet(1, "trio", [view], {})]))
    back = restored.candidates[0]
    assert back.parts == view.parts and back.song.tracks == view.song.tracks
    assert back.seed == 4 and back.temperature == 0.5


def test_a_history_saved_before_parts_still_opens():
    """An entry without song_tracks/parts comes back as one track of its notes, as before."""
    data = history_json([ResultSet(1, "old", [_trio_view()], {})])
    for candidate in data[0]["candidates"]:
        del candidate["song_tracks"], candidate["parts"]
    (restored,) = restore_sets(data)
    back = restored.candidates[0]
    assert back.parts == () and len(back.song.tracks) == 1 and len(back.song.tracks[0].notes) == 4
