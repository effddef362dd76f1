"""The jam's answer: a continuation of the call, the loop's length, from the loop's start, on the shipped bundles."""

from __future__ import annotations

import pytest

from composer_app.errors import ComposerError
from composer_app.models.rnn.jam import answer
from composer_app.music.song import PPQ, ChordSymbol, Note, Track, drum_track
from tests.conftest import shared_path

BAR = 4 * PPQ


def test_a_melody_call_gets_an_answer_inside_the_loop():
    """Two bars of call give up to two bars of answer, every note within [0, span), at the same seed the same."""
    call = Track("Keys", notes=tuple(Note(i * PPQ, 60 + 2 * (i % 4), PPQ, 90) for i in range(8)))
    first = answer(call, 2 * BAR, "basic_rnn", temperature=1.0, seed=3)
    assert first.notes and all(n.start >= 0 and n.end <= 2 * BAR for n in first.notes)
    assert first.result.primer_steps == 32
    assert answer(call, 2 * BAR, "basic_rnn", temperature=1.0, seed=3).notes == first.notes


def test_a_drum_call_gets_drums():
    """A drum call is answered by the drum model with drum hits."""
    call = drum_track(notes=tuple(Note(i * PPQ // 2, 36 if i % 4 == 0 else 42, 120, 100) for i in range(16)))
    turn = answer(call, 2 * BAR, "drum_kit", seed=1)
    assert turn.notes and all(0 <= n.start < 2 * BAR for n in turn.notes)


def test_a_loop_shorter_than_a_step_is_a_users_error():
    """A zero-length loop says to make it longer."""
    with pytest.raises(ComposerError, match="shorter than one step"):
        answer(Track("Keys"), 10, "basic_rnn")


RNN2 = ("fixtures", "magenta-rnn2")
CALL = Track("Keys", notes=tuple(Note(i * PPQ, 60 + 2 * (i % 4), PPQ, 90) for i in range(8)))


def _inside_the_loop(turn, span):
    return turn.notes and all(n.start >= 0 and n.end <= span for n in turn.notes)


def test_improv_answers_over_the_chords_of_the_answers_stretch():
    """Improv RNN gets the call's chords then the answer's from the chord lane; other chords, another answer."""
    bundle = shared_path(*RNN2, "chord_pitches_improv.mag")
    lane = (ChordSymbol(0, "C"), ChordSymbol(BAR, "G"), ChordSymbol(2 * BAR, "Am"), ChordSymbol(3 * BAR, "F"))
    turn = answer(CALL, 2 * BAR, "chord_pitches_improv", bundle=bundle, seed=4, chords=lane)
    assert _inside_the_loop(turn, 2 * BAR)
    assert turn.result.request.chords == ("C",) * 16 + ("G",) * 16 + ("C",) * 16 + ("G",) * 16
    onward = answer(CALL, 2 * BAR, "chord_pitches_improv", bundle=bundle, seed=4, chords=lane, answer_at=2 * BAR)
    assert onward.result.request.chords[32:] == ("Am",) * 16 + ("F",) * 16
    minor = answer(CALL, 2 * BAR, "chord_pitches_improv", bundle=bundle, seed=4,
                   chords=(ChordSymbol(0, "Ebm"), ChordSymbol(BAR, "Bbm")))
    assert minor.notes != turn.notes


def test_improv_without_chords_in_the_loop_says_to_type_them():
    """No chord over the answer's stretch is a user's error that points at the chord lane."""
    bundle = shared_path(*RNN2, "chord_pitches_improv.mag")
    with pytest.raises(ComposerError, match="chord lane") as caught:
        answer(CALL, 2 * BAR, "chord_pitches_improv", bundle=bundle, chords=(ChordSymbol(4 * BAR, "C"),))
    assert "Type chords" in caught.value.hint


def test_polyphony_continues_the_call_on_its_grid():
    """Polyphony RNN answers inside the loop, on its 16th grid, and repeats at the same seed."""
    bundle = shared_path(*RNN2, "polyphony.mag")
    turn = answer(CALL, 2 * BAR, "polyphony", bundle=bundle, seed=2)
    assert _inside_the_loop(turn, 2 * BAR) and all(n.start % (PPQ // 4) == 0 for n in turn.notes)
    assert answer(CALL, 2 * BAR, "polyphony", bundle=bundle, seed=2).notes == turn.notes


@pytest.mark.parametrize("name", ["performance_with_dynamics", "multiconditioned_performance_with_dynamics"])
def test_performance_continues_the_call_for_the_loops_seconds(name):
    """Performance RNN plays the loop's length in seconds at the song's tempo: the same call at half the tempo in
    half the ticks lasts as long, so the answer is the same music at half the ticks; its notes are off the grid."""
    bundle = shared_path(*RNN2, f"{name}.mag")
    controls = {"notes_per_second": 8.0, "pitch_class_histogram": (1.0,) * 12}
    turn = answer(CALL, 2 * BAR, name, bundle=bundle, seed=6, qpm=120.0, controls=controls)
    assert _inside_the_loop(turn, 2 * BAR) and any(n.start % (PPQ // 4) for n in turn.notes)
    assert turn.result.outputs[0] and turn.seed == 6
    halved = CALL.with_notes(Note(n.start // 2, n.pitch, n.duration // 2, n.velocity) for n in CALL.notes)
    slow = answer(halved, BAR, name, bundle=bundle, seed=6, qpm=60.0, controls=controls)
    assert _inside_the_loop(slow, BAR) and len(slow.notes) == len(turn.notes)
    assert all(a.pitch == b.pitch and abs(a.start - 2 * b.start) <= 2 for a, b in zip(turn.notes, slow.notes))
