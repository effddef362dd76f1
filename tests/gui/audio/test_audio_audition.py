"""Audition while editing: the touched pitch sounds with the current track's instrument, and can be switched off."""

from __future__ import annotations

from composer_app.gui.audio.audition import Auditioner
from composer_app.music.song import Note, Song, Track, drum_track


class RecordingPlayer:
    """Stands in for the Player: records auditions and previews."""

    def __init__(self):
        self.notes = []
        self.previews = []

    def audition(self, pitch, velocity=100, program=0, is_drum=False, seconds=0.35):
        self.notes.append((pitch, velocity, program, is_drum))
        return True

    def preview(self, song, start_tick=0):
        self.previews.append((song, start_tick))
        return True


def test_preview_uses_the_current_tracks_instrument(qapp):
    """A key or note sounds with the current track's program, or the drum kit on a drum track."""
    player = RecordingPlayer()
    track = [Track(program=33)]
    auditioner = Auditioner(player, current_track=lambda: track[0])
    assert auditioner.preview(40, 90)
    track[0] = drum_track()
    assert auditioner.preview(38, 200)
    assert player.notes == [(40, 90, 33, False), (38, 127, 0, True)]


def test_switching_off_silences_previews(qapp):
    """With the action unchecked nothing sounds; checking it again brings previews back."""
    player = RecordingPlayer()
    auditioner = Auditioner(player)
    changes = []
    auditioner.enabled_changed.connect(changes.append)
    auditioner.action.setChecked(False)
    assert not auditioner.enabled and auditioner.preview(60) is False
    auditioner.set_enabled(True)
    assert auditioner.preview(60)
    assert changes == [False, True] and len(player.notes) == 1


def test_dragging_does_not_restrike_the_same_pitch(qapp):
    """Repeated previews of one pitch while dragging sound once; a new pitch sounds at once."""
    player = RecordingPlayer()
    auditioner = Auditioner(player)
    for _ in range(5):
        auditioner.preview(60)
    auditioner.preview(62)
    assert [n[0] for n in player.notes] == [60, 62]


def test_candidate_alone_or_in_the_song(qapp):
    """A candidate previews on its own, or with the song's tracks under it."""
    player = RecordingPlayer()
    auditioner = Auditioner(player)
    song = Song(tracks=(Track(name="Melody", notes=(Note(0, 60, 480),)),))
    candidate = Song(tracks=(Track(name="Bass", notes=(Note(0, 36, 480),)),))
    auditioner.candidate(candidate)
    auditioner.candidate(candidate, song, start_tick=960)
    assert player.previews[0] == (candidate, 0)
    mixed, start = player.previews[1]
    assert [t.name for t in mixed.tracks] == ["Melody", "Bass"] and start == 960
