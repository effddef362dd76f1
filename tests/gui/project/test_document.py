"""The document: edits as commands, exact undo, merging, dirty state and mute/solo."""

from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.project_format import TrackLook
from composer_app.music.song import Note
from tests.gui.conftest import sample_song


def test_undo_restores_the_exact_previous_song(document):
    """Undo swaps back the very Song value that was there before."""
    before = document.song
    track = before.tracks[0]
    document.edit_track(0, track.with_notes(track.notes[:1]), "trim")
    assert document.song is not before
    document.undo_stack.undo()
    assert document.song is before
    document.undo_stack.redo()
    assert len(document.song.tracks[0].notes) == 1


def test_commands_with_the_same_merge_key_become_one_step(document):
    """Steps of one gesture (same merge key) merge; a new key starts a new step."""
    base = document.song
    for qpm in (100, 110, 120.5):
        document.edit_song(base.with_qpm(qpm), "tempo", merge_key=("tempo", 1))
    assert document.undo_stack.count() == 1
    document.edit_song(document.song.with_qpm(90), "tempo", merge_key=("tempo", 2))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.song.qpm == 120.5
    document.undo_stack.undo()
    assert document.song is base


def test_dirty_follows_the_undo_stack(document, qtbot):
    """An edit makes the document dirty; undoing back to the saved state cleans it."""
    assert not document.is_dirty
    with qtbot.waitSignal(document.dirty_changed):
        document.edit_song(document.song.with_qpm(99), "tempo")
    assert document.is_dirty
    document.undo_stack.undo()
    assert not document.is_dirty


def test_selection_hints_come_with_undo_and_redo(document, qtbot):
    """Undo tells views which notes to select again."""
    track = document.song.tracks[0]
    gone = frozenset(track.notes[:2])
    document.edit_track(0, track.with_notes(track.notes[2:]), "delete", None, (0, gone), (0, frozenset()))
    with qtbot.waitSignal(document.selection_hint) as blocker:
        document.undo_stack.undo()
    assert blocker.args == [0, gone]


def test_audible_tracks_follow_mute_and_solo(document):
    """Muted tracks are silent; when any track is soloed only soloed tracks sound."""
    assert document.audible_tracks() == [0, 1]
    document.edit_look(0, TrackLook(muted=True), "mute")
    assert document.audible_tracks() == [1]
    document.edit_look(0, TrackLook(soloed=True, muted=True), "solo")
    assert document.audible_tracks() == [0]


def test_length_grows_with_the_notes(document):
    """The song length is the set length, or more when notes reach past it."""
    assert document.length_bars == 8
    track = document.song.tracks[0]
    document.edit_track(0, track.with_notes(track.notes + (Note(3840 * 10 + 5, 60, 10),)), "far note")
    assert document.length_bars == 11


def test_new_document_has_a_melody_and_a_drum_track():
    """A new song starts with a melody track and a drum track, clean."""
    doc = SongDocument()
    assert [t.name for t in doc.song.tracks] == ["Melody", "Drums"]
    assert doc.song.tracks[1].is_drum
    assert not doc.is_dirty
    doc.load_song(sample_song())
    assert doc.song.note_count == 6
