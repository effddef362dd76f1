"""Chord-tone steering: every note Improv RNN samples is a tone of the chord of its step; N.C. leaves it free."""

from __future__ import annotations

from composer_app.models.rnn.bundle import Bundle
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.generator import generate
from composer_app.models.rnn.requests import GenerateRequest
from composer_app.models.rnn.steering import PitchSteering, chord_pitch_classes
from composer_app.models.rnn.weights import initial_weights
from composer_app.music.chords import backing_chords


def _bundle(config_id: str = "chord_pitches_improv") -> Bundle:
    """Fresh weights of one small layer: the steering must hold whatever the network prefers."""
    encoder = get_config(config_id).encoder()
    weights = initial_weights(encoder.input_size, encoder.num_classes, (16,), 0, seed=5)
    return Bundle(None, config_id, "", "", weights, "none")


def _notes(steering, chords, config_id="chord_pitches_improv"):
    request = GenerateRequest(config_id, total_steps=len(chords), primer=(60,), bundle=_bundle(config_id),
                              chords=chords, seed=3, num_outputs=4, temperature=2.0, steering=steering)
    return [(step, event) for c in generate(request).candidates for step, event in enumerate(c.events)
            if step > 0 and event >= 0]


def test_sampled_notes_are_tones_of_their_steps_chord():
    """Over C, Am7, F/G and G7, at a high temperature, each note's pitch class is in its chord (bass included)."""
    chords = backing_chords("C Am7 F/G G7", 16)
    notes = _notes(PitchSteering(chord_tones=True), chords)
    assert len(notes) > 10
    assert all(event % 12 in chord_pitch_classes(chords[step]) for step, event in notes)


def test_without_chord_steering_other_notes_come_and_no_chord_is_free():
    """The same request unsteered plays notes outside the chord; under N.C. the steering allows any pitch."""
    chords = backing_chords("C", 64)
    assert any(event % 12 not in {0, 4, 7} for _, event in _notes(None, chords))
    free = _notes(PitchSteering(chord_tones=True), backing_chords("N.C.", 64))
    assert any(event % 12 not in {0, 4, 7} for _, event in free)


def test_triad_configs_and_the_key_lock_combine_with_chord_tones():
    """basic_improv steered to C major's scale and the chord's tones stays in both."""
    chords = backing_chords("Am Dm", 32)
    notes = _notes(PitchSteering(0, "major", 48, 84, chord_tones=True), chords, "basic_improv")
    assert notes and all(event % 12 in chord_pitch_classes(chords[step]) and 48 <= event <= 84
                         for step, event in notes)
