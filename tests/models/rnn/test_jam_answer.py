"""The jam's answer: a continuation of the call, the loop's length, from the loop's start, on the shipped bundles."""

from __future__ import annotations

import pytest

from composer_app.errors import ComposerError
from composer_app.models.rnn.jam import answer
from composer_app.music.song import PPQ, Note, Track, drum_track

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
