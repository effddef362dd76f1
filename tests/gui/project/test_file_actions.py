"""File actions: importing gives tracks free channels; what counts as an openable file."""

from composer_app.gui.project.file_actions import merge_tracks, readable_suffixes
from composer_app.music.song import DRUM_CHANNEL, Song, Track, drum_track
from tests.gui.conftest import sample_song


def test_imported_tracks_get_free_channels_and_drums_stay_on_ten():
    """Merged melodic tracks take channels nobody uses; drum tracks keep channel 10."""
    incoming = Song(tracks=(Track("Lead", channel=0), drum_track(), Track("Pad", channel=0)))
    merged = merge_tracks(sample_song(), incoming)
    channels = [t.channel for t in merged.tracks]
    assert channels[:2] == [0, DRUM_CHANNEL]
    assert channels[2] not in (0, DRUM_CHANNEL) and channels[4] not in (0, DRUM_CHANNEL, channels[2])
    assert channels[3] == DRUM_CHANNEL


def test_projects_and_music_files_are_openable():
    """The app's own project suffix and the music core's suffixes can be opened or dropped."""
    suffixes = readable_suffixes()
    assert {".composer", ".mid", ".musicxml", ".mxl", ".abc"} <= set(suffixes)
