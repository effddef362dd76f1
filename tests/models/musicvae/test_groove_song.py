"""GrooVAE on songs of any length: window by window, stitched back into a song of the input's bars and tempo."""

import numpy as np
import pytest

from composer_app.models.errors import ModelError
from composer_app.models.musicvae.configs import get_config
from composer_app.models.musicvae.converters import NoMusicError
from composer_app.models.musicvae.groove_song import regroove, steps_to_notes
from composer_app.models.musicvae.model import MusicVae
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track, drum_track
from tests.conftest import shared_path
from tests.models.musicvae.conftest import random_vae

BAR = 4 * PPQ
SIXTEENTH = PPQ // 4


@pytest.fixture(scope="module")
def humanize_model() -> MusicVae:
    return MusicVae.load(shared_path("fixtures", "magenta-vae", "groovae_humanize_tiny.tar"))


def beat(bars: int, extra_pitches=(), qpm: float = 100.0) -> Song:
    """`bars` bars of kick, snare and hats, played on the grid or a little late, with a bass line beside them."""
    notes = []
    for step in range(bars * 16):
        start = step * SIXTEENTH + (step % 3) * 7  # late by up to 14 ticks: never onto the step before
        notes.append(Note(start, 42, 60, 50 + step % 40))
        if step % 8 == 0:
            notes.append(Note(start, 36, 60, 110))
        if step % 8 == 4:
            notes.append(Note(start, 38, 60, 95))
    notes += [Note(s * SIXTEENTH, p, 60, 80) for s, p in zip(range(0, bars * 16, 5), extra_pitches * bars * 16)]
    bass = Track(name="Bass", program=33, channel=1, notes=tuple(Note(b * BAR, 40, BAR, 90) for b in range(bars)))
    return Song(tracks=(drum_track("Kit", sorted(notes)), bass), tempos=(TempoChange(0, qpm),))


def drums_of(song: Song) -> list[Note]:
    return [n for t in song.tracks if t.is_drum for n in t.notes]


def test_five_bars_take_three_windows_and_keep_tempo_bars_and_other_tracks(humanize_model):
    """A 5-bar beat through a 2-bar GrooVAE: 3 windows (the last padded), drums within the 5 bars, the bass, tempo
    and drum track name kept."""
    song = beat(5)
    result = regroove(humanize_model, get_config("groovae_2bar_humanize"), song, temperature=0)
    assert result.windows == 3 and result.unmapped_pitches == ()
    out = result.song
    assert out.qpm == 100.0 and out.time_signatures == song.time_signatures
    assert [t.name for t in out.tracks] == ["Bass", "Kit"] and out.tracks[0] == song.tracks[1]
    notes = drums_of(out)
    assert notes and max(n.start for n in notes) < 5 * BAR
    assert {n.pitch for n in notes} <= {36, 38, 42, 46, 45, 48, 50, 49, 51}
    # Humanize: the played velocities were zeroed in the input, the model gives its own.
    assert len({n.velocity for n in notes}) > 3


def test_each_window_is_decoded_on_its_own(humanize_model):
    """The first two bars of a long beat come out as the two-bar beat alone does: windows do not leak."""
    config = get_config("groovae_2bar_humanize")
    alone = drums_of(regroove(humanize_model, config, beat(2), temperature=0).song)
    full = drums_of(regroove(humanize_model, config, beat(5), temperature=0).song)
    # Window 1's first step may be played early, before bar 2: compare by the note's 16th.
    first = [n for n in full if round(n.start / SIXTEENTH) < 32]
    assert alone and first == [n for n in alone if round(n.start / SIXTEENTH) < 32]
    assert len(full) > len(alone)


def test_a_song_shorter_than_a_window_is_padded_and_cut_back(humanize_model):
    """One bar through a 2-bar model (and five through the 4-bar one) fills one window; nothing is written past
    the song's bars."""
    result = regroove(humanize_model, get_config("groovae_2bar_humanize"), beat(1), temperature=0)
    assert result.windows == 1 and max(n.start for n in drums_of(result.song)) < BAR
    four = regroove(humanize_model, get_config("groovae_4bar"), beat(5), temperature=0)
    assert four.windows == 2 and max(n.start for n in drums_of(four.song)) < 5 * BAR


def test_hits_control_decodes_each_window_with_its_own_hits():
    """With hits control each window's hits go in as controls: the result depends on them and is seeded."""
    model = random_vae("groovae_2bar_hits_control_tfds", seed=1)
    config = get_config("groovae_2bar_hits_control")
    song = beat(3)
    a = regroove(model, config, song, 1.0, np.random.default_rng(2))
    assert a.windows == 2 and drums_of(a.song)
    assert drums_of(a.song) == drums_of(regroove(model, config, song, 1.0, np.random.default_rng(2)).song)
    sparse = song.with_track(0, song.tracks[0].with_notes(n for n in song.tracks[0].notes if n.pitch != 42))
    assert drums_of(regroove(model, config, sparse, 0).song) != drums_of(regroove(model, config, song, 0).song)


def test_pitches_outside_the_map_are_reported_not_a_key_error(humanize_model):
    """Drum pitches outside the map are left out and named; a part made only of them is a NoMusicError."""
    config = get_config("groovae_2bar_humanize")
    result = regroove(humanize_model, config, beat(2, extra_pitches=(20, 90)), temperature=0)
    assert result.unmapped_pitches == (20, 90)
    only = Song(tracks=(drum_track("D", [Note(0, 20, 60, 90)]),))
    with pytest.raises(NoMusicError, match="20"):
        regroove(humanize_model, config, only)


def test_other_configs_and_tempo_changes_are_refused(humanize_model):
    """A non-GrooVAE config is a ModelError; a song that changes tempo a NoMusicError, as Magenta's converter."""
    with pytest.raises(ModelError, match="not a GrooVAE"):
        regroove(humanize_model, get_config("cat-drums_2bar_small"), beat(2))
    song = beat(2).replace(tempos=(TempoChange(0, 100.0), TempoChange(BAR, 90.0)))
    with pytest.raises(NoMusicError, match="tempo"):
        regroove(humanize_model, get_config("groovae_2bar_humanize"), song)


def test_steps_become_notes_as_magenta_times_them():
    """A hit at step 3 with offset 0.4 starts 0.2 of a 16th early; velocity round(v * 127), at least 1; a step-0
    hit played early starts at 0."""
    conv = get_config("groovae_2bar_humanize").converter()
    tensor = np.zeros((32, 27), np.float32)
    tensor[3, 1], tensor[3, 10], tensor[3, 19] = 1, 0.5, 0.4
    tensor[0, 0], tensor[0, 9], tensor[0, 18] = 1, 0.001, 0.9
    assert steps_to_notes(tensor, conv) == [Note(0, 36, SIXTEENTH, 1), Note(3 * SIXTEENTH - 48, 38, SIXTEENTH, 64)]


def test_keep_hits_keeps_every_hit_and_changes_only_timing_and_dynamics(humanize_model):
    """With keep_hits each input hit comes back at its own 16th and drum (even at a temperature that drops and adds
    hits otherwise), with the model's velocities; the result is the same for any seed."""
    from composer_app.models.musicvae.groove import GrooveConverter

    config = get_config("groovae_2bar_humanize")
    song = beat(3)
    converter: GrooveConverter = config.converter()
    wanted = {(int(s), int(d)) for s, d in zip(*np.nonzero(converter.grid(song)[0]))}

    def hits(out: Song) -> set[tuple[int, int]]:
        return {(int(s), int(d)) for s, d in zip(*np.nonzero(converter.grid(out)[0]))}

    kept = [regroove(humanize_model, config, song, 1.0, np.random.default_rng(seed), keep_hits=True).song
            for seed in (0, 1)]
    assert hits(kept[0]) == wanted and kept[0] == kept[1]
    assert len({n.velocity for n in drums_of(kept[0])}) > 3
    free = [hits(regroove(humanize_model, config, song, 1.0, np.random.default_rng(seed)).song) for seed in range(4)]
    assert any(h != wanted for h in free)  # the check above could fail: left free, the tiny model changes hits


def test_keep_hits_is_refused_where_the_model_changes_the_hits_by_design(humanize_model):
    """tap2drum and add-hi-hat exist to change the hits: keeping them is a ModelError with a hint."""
    from composer_app.models.musicvae.groove_song import keeps_hits

    assert keeps_hits(get_config("groovae_2bar_humanize")) and keeps_hits(get_config("groovae_4bar"))
    for config_id in ("groovae_2bar_tap_fixed_velocity", "groovae_2bar_add_closed_hh"):
        assert not keeps_hits(get_config(config_id))
        with pytest.raises(ModelError, match="changes the hits by design") as raised:
            regroove(humanize_model, get_config(config_id), beat(2), keep_hits=True)
        assert "humanize" in raised.value.hint


def test_decoding_with_hits_of_the_wrong_shape_is_refused(humanize_model):
    """The hits to keep must cover every step of every row."""
    from composer_app.models.errors import GenerationError

    with pytest.raises(GenerationError, match="hits to keep"):
        humanize_model.decode_groove(np.zeros((2, humanize_model.z_size), np.float32), 32, hits=np.zeros((2, 16, 9)))
