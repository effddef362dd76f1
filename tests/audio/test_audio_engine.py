"""The engine's sound, measured: pitches and drums heard, onsets on time, mix, loop, seek and pause without artefacts."""

from __future__ import annotations

import numpy as np
import pytest
from audio_signals import band_energy, max_step, midi_hz, mono, onset_near, peak_hz, rms
from audio_songs import drum_song, scale_song

from composer_app.audio.engine import FADE_OUT_FRAMES, Engine
from composer_app.audio.render import render_song
from composer_app.audio.schedule import TrackMix
from composer_app.music.song import PPQ, Note, Song, TempoChange, Track, drum_track

pytestmark = pytest.mark.usefixtures("fluidsynth_ok")


def _play(engine: Engine, seconds: float, block: int = 256) -> np.ndarray:
    blocks = int(seconds * engine.sample_rate) // block
    return np.concatenate([engine.render(block).audio for _ in range(blocks)])


def _note_window(song: Song, note: Note, rate: int) -> tuple[int, int]:
    """The steady part of a note: after its attack, before its release."""
    return (int(song.tick_to_seconds(note.start) * rate) + int(0.03 * rate),
            int(song.tick_to_seconds(note.end) * rate))


@pytest.mark.parametrize("base", [60, 36], ids=["C4", "C2"])
def test_each_scale_note_raises_the_energy_at_its_fundamental(base):
    """For every note of a C major scale, energy near its fundamental is far higher while it plays than otherwise."""
    song = scale_song(base)
    rendered = render_song(song)
    x, rate = mono(rendered.audio), rendered.sample_rate
    assert rms(rendered.audio) > 100, "the render is silent"
    notes = song.tracks[0].notes
    windows = [_note_window(song, n, rate) for n in notes]
    for i, note in enumerate(notes):
        energy = [band_energy(x[a:b], rate, midi_hz(note.pitch)) for a, b in windows]
        elsewhere = np.median([e for j, e in enumerate(energy) if j != i])
        assert energy[i] > 20 * elsewhere, f"{note.pitch}: {energy[i]:.3g} vs {elsewhere:.3g} elsewhere"


def test_loudest_peak_is_not_always_the_fundamental():
    """Why the test above measures the fundamental's band: this piano's middle C peaks at its second harmonic."""
    song = scale_song(60)
    rendered = render_song(song)
    a, b = _note_window(song, song.tracks[0].notes[0], rendered.sample_rate)
    loudest = peak_hz(mono(rendered.audio)[a:b], rendered.sample_rate)
    assert abs(loudest - midi_hz(60)) > 20 or abs(loudest - 2 * midi_hz(60)) < 10


def test_drum_pattern_is_audible_with_an_onset_at_every_kick_and_snare():
    """A rock beat renders non-silent, and each kick and snare hit starts within 5 ms of its time."""
    song = drum_song(2)
    rendered = render_song(song)
    rate = rendered.sample_rate
    assert rms(rendered.audio) > 100
    for note in song.tracks[0].notes:
        if note.pitch in (36, 38):
            frame = round(song.tick_to_seconds(note.start) * rate)
            assert abs(onset_near(rendered.audio, frame, rate)) <= 0.005 * rate, note


def test_drum_track_plays_a_kit_not_a_piano():
    """Pitch 42 on a drum track is a hi-hat (mostly above 2 kHz), not an F#2 piano note."""
    hat = Song(tracks=(drum_track(notes=[Note(0, 42, 480)]),))
    piano = Song(tracks=(Track(notes=(Note(0, 42, 480),)),))

    def high_share(song):
        x = mono(render_song(song).audio[:22050])
        spectrum = np.abs(np.fft.rfft(x)) ** 2
        freqs = np.fft.rfftfreq(len(x), 1 / 44100)
        return spectrum[freqs > 2000].sum() / spectrum.sum()

    assert high_share(hat) > 0.5 > high_share(piano)


@pytest.mark.parametrize("block", [256, 4096])
def test_onsets_land_within_5_ms_of_their_schedule(block):
    """Percussive notes at irregular times, across a tempo change, start within 5 ms of schedule at any block size."""
    rng = np.random.default_rng(7)
    starts = np.cumsum(rng.integers(300, 700, 16)).tolist()
    pitches = [36, 38, 42, 37, 75, 76] * 3
    notes = [Note(s, p, 60, 110) for s, p in zip(starts, pitches)]
    song = Song(tracks=(drum_track(notes=notes),), tempos=(TempoChange(0, 120), TempoChange(4000, 97.3)))
    from composer_app.audio.synth import Synthesizer

    with Synthesizer() as synth:
        engine = Engine(synth, song)
        engine.play()
        audio = _play(engine, song.duration_seconds + 0.3, block)
    errors_ms = []
    for note in notes:
        frame = round(song.tick_to_seconds(note.start) * synth.sample_rate)
        errors_ms.append(1000 * onset_near(audio, frame, synth.sample_rate) / synth.sample_rate)
    assert max(abs(e) for e in errors_ms) <= 5.0, errors_ms


def test_block_size_does_not_change_the_audio():
    """Rendering in 256-frame or 4096-frame blocks gives the same samples: events sit on the synth's own grid."""
    from composer_app.audio.synth import Synthesizer

    song = scale_song()
    outs = []
    for block in (256, 4096):
        with Synthesizer() as synth:
            engine = Engine(synth, song)
            engine.play()
            outs.append(_play(engine, 2.0, block)[:80000])
    assert np.array_equal(outs[0], outs[1])


def _two_voice_song() -> Song:
    low = Track(name="low", program=0, notes=(Note(0, 48, 3 * PPQ),))
    high = Track(name="high", program=0, notes=(Note(0, 81, 3 * PPQ),))
    return Song(tracks=(low, high))


def _energies(audio, rate=44100):
    x = mono(audio[int(0.05 * rate):int(1.2 * rate)])
    return band_energy(x, rate, midi_hz(48)), band_energy(x, rate, midi_hz(81))


def test_mute_and_solo_silence_the_right_tracks():
    """Muting the low track removes its pitch; soloing it removes the high one; volume 0.3 lowers the level."""
    song = _two_voice_song()
    low, high = _energies(render_song(song).audio)
    muted_low, muted_high = _energies(render_song(song, mixes=[TrackMix(mute=True)]).audio)
    solo_low, solo_high = _energies(render_song(song, mixes=[TrackMix(solo=True)]).audio)
    assert muted_low < low / 100 and muted_high > high / 2
    assert solo_high < high / 100 and solo_low > low / 2
    quiet = render_song(song, mixes=[TrackMix(volume=0.3), TrackMix(volume=0.3)]).audio
    assert rms(quiet) < 0.5 * rms(render_song(song).audio)


def test_muting_while_playing_releases_that_tracks_notes(synth):
    """A track muted mid-note stops sounding promptly instead of holding its note."""
    song = _two_voice_song()
    engine = Engine(synth, song)
    engine.play()
    _play(engine, 0.5)
    engine.set_mixes([TrackMix(mute=True)])
    later = mono(_play(engine, 1.0)[int(0.6 * 44100):])
    assert band_energy(later, 44100, midi_hz(48)) < band_energy(later, 44100, midi_hz(81)) / 100


def test_silent_plays_nothing_while_the_clock_runs(synth):
    """With the synth silenced (the song goes to a MIDI output) the audio falls quiet, time moves on, and it
    sounds again when unsilenced."""
    song = _two_voice_song()
    engine = Engine(synth, song)
    engine.play()
    loud = rms(_play(engine, 0.3))
    engine.set_silent(True)
    start = engine.song_frame
    quiet = _play(engine, 0.5)[int(0.2 * 44100):]
    assert rms(quiet) < loud / 100 and engine.song_frame > start
    engine.set_silent(False)
    engine.seek(0)  # as unmuting a track, held notes sound again from their next strike (here, the start)
    assert rms(_play(engine, 0.3)) > loud / 10


def _organ_song() -> Song:
    """A sustained organ chord (steady waveform, so any click stands out) for four bars, then silence."""
    notes = tuple(Note(0, p, 16 * PPQ, 110) for p in (60, 64, 67))
    return Song(tracks=(Track(program=19, notes=notes),))


def test_seek_while_playing_fades_instead_of_clicking(synth):
    """Jumping from a loud held chord into silence fades out: no sample step larger than the chord's own."""
    engine = Engine(synth, _organ_song())
    engine.play()
    steady = _play(engine, 1.0)
    engine.seek(20 * PPQ)  # after the chord: silence
    after = _play(engine, 0.3)
    assert max_step(after) <= 1.2 * max_step(steady[-4096:])
    assert np.abs(steady[-1].astype(int)).max() > 2000, "the chord should be loud when the seek happens"
    assert np.abs(after[FADE_OUT_FRAMES + 4096:]).max() < 200, "silence after the seek"


def test_seek_into_a_held_note_restrikes_it(synth):
    """Seeking into the middle of a long note makes it sound at once (notes are chased)."""
    song = Song(tracks=(Track(notes=(Note(0, 57, 8 * PPQ),)),))
    engine = Engine(synth, song)
    engine.seek(4 * PPQ)
    engine.play()
    x = mono(_play(engine, 0.5))
    assert band_energy(x, 44100, midi_hz(57)) > 1e3 * band_energy(x, 44100, midi_hz(63))


def test_pause_fades_out_and_then_renders_exact_silence(synth):
    """After pause the sound fades within a few ms, then blocks are exact zeros and no voice is left."""
    engine = Engine(synth, _organ_song())
    engine.play()
    before = _play(engine, 0.5)
    engine.pause()
    after = _play(engine, 0.2)
    assert max_step(after) <= 1.2 * max_step(before[-4096:])
    assert not after[FADE_OUT_FRAMES:].any()
    assert synth.active_voices == 0 and engine.silent


def test_loop_repeats_the_region_without_hanging_notes(synth):
    """Looping bar 1 of a four-bar held chord: every pass starts alike and voices never pile up."""
    engine = Engine(synth, _organ_song())
    engine.set_loop(0, 4 * PPQ, enabled=True)  # one bar: 2 s at 120 qpm
    engine.play()
    voices = []
    passes = []
    for _ in range(4):
        audio = _play(engine, 2.0, block=256 * 3)
        passes.append(audio)
        voices.append(synth.active_voices)
    assert max(voices) <= voices[0] + 6, voices
    # Positions stay inside the loop region.
    assert 0 <= engine.song_frame < engine.tick_to_frame(4 * PPQ) + 64


def test_loop_wrap_replays_the_first_note_on_time(synth):
    """With a one-bar loop, each pass starts like the first one: the same onset, not shifted by more than 5 ms."""
    song = scale_song()
    engine = Engine(synth, song)
    engine.set_loop(0, 4 * PPQ, enabled=True)
    engine.play()
    audio = mono(_play(engine, 6.5))
    rate = 44100
    first = audio[: int(0.2 * rate)]
    for k in (1, 2):
        start = k * 2 * rate
        again = audio[start - int(0.02 * rate): start + int(0.22 * rate)]
        corr = np.correlate(again, first, mode="valid")
        lag = int(np.argmax(corr)) - int(0.02 * rate)
        assert abs(lag) <= 0.005 * rate, f"pass {k + 1} is shifted by {1000 * lag / rate:.1f} ms"
    # At the wrap the end of the bar (F) is released, not held into the next pass.
    x = audio[2 * rate + 4410:2 * rate + 22050]
    assert band_energy(x, rate, midi_hz(60)) > 10 * band_energy(x, rate, midi_hz(65))


def test_editing_the_song_while_playing_releases_removed_notes(synth):
    """Replacing the song mid-note keeps the position and releases a note that no longer exists."""
    song = Song(tracks=(Track(notes=(Note(0, 57, 8 * PPQ), Note(0, 76, 8 * PPQ))),))
    engine = Engine(synth, song)
    engine.play()
    _play(engine, 1.0)
    tick = engine.position_tick
    engine.set_song(song.with_track(0, song.tracks[0].with_notes([Note(0, 76, 8 * PPQ)])))
    assert abs(engine.position_tick - tick) <= 1
    x = mono(_play(engine, 1.5)[int(0.8 * 44100):])
    assert band_energy(x, 44100, midi_hz(57)) < band_energy(x, 44100, midi_hz(76)) / 100


def test_audition_sounds_while_stopped_then_goes_quiet(synth):
    """audition() plays a pitch with the transport stopped, then the engine returns to exact silence."""
    engine = Engine(synth, Song())
    assert engine.silent
    engine.audition(69, program=0, seconds=0.3)
    audio = _play(engine, 0.3)
    x = mono(audio)
    assert band_energy(x, 44100, 440.0) > 1e3 * band_energy(x, 44100, 622.25)
    _play(engine, 3.0)
    assert engine.silent
    assert not _play(engine, 0.1).any()


def test_audition_right_after_pause_still_sounds(synth):
    """A key clicked in the same moment as a pause is not swallowed by the pause's fade-out."""
    engine = Engine(synth, _organ_song())
    engine.play()
    _play(engine, 0.3)
    engine.pause()
    engine.audition(81, seconds=0.3)
    x = mono(_play(engine, 0.4)[FADE_OUT_FRAMES:])
    assert band_energy(x, 44100, midi_hz(81)) > 100 * band_energy(x, 44100, midi_hz(60))


def test_render_includes_the_tail_and_then_stops():
    """A render lasts at least the song and at most the song plus the tail cap."""
    song = scale_song()
    rendered = render_song(song)
    assert song.duration_seconds <= rendered.seconds <= song.duration_seconds + 4.5


def test_empty_song_renders_to_nearly_nothing():
    """An empty song renders without error to at most a moment of silence."""
    rendered = render_song(Song())
    assert rendered.seconds < 1.0
    assert np.abs(rendered.audio).max(initial=0) <= 2  # FluidSynth's dither at most
