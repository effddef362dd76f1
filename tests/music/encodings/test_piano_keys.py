"""The piano's keys over performance events: what a primer leaves down, which releases are allowed, re-strikes."""

from __future__ import annotations

import numpy as np

from composer_app.music.encodings import performance as perf
from composer_app.music.encodings.piano_keys import PianoKeys

ONE_HOT = perf.PerformanceOneHotEncoding(num_velocity_bins=32)


def code(kind, value) -> int:
    return ONE_HOT.encode_event((kind, value))


def test_a_primer_leaves_its_held_keys_down_and_ignores_stray_releases():
    """C and E struck, C released, a stray release of G: only E is down, in every row asked for."""
    primer = [code(perf.NOTE_ON, 60), code(perf.NOTE_ON, 64), code(perf.TIME_SHIFT, 10), code(perf.NOTE_OFF, 60),
              code(perf.NOTE_OFF, 67)]
    keys = PianoKeys.after(ONE_HOT, primer, rows=3)
    assert keys.down.shape == (3, 128)
    assert [list(np.flatnonzero(row)) for row in keys.down] == [[64]] * 3


def test_only_keys_that_are_down_may_be_released():
    """The release of a key that is down stays allowed; releases of keys that are up, and nothing else, are not."""
    keys = PianoKeys.after(ONE_HOT, [code(perf.NOTE_ON, 64)])
    allowed = keys.allowed()[0]
    assert allowed[code(perf.NOTE_OFF, 64)]
    forbidden = {c for c in range(ONE_HOT.num_classes) if not allowed[c]}
    assert forbidden == {code(perf.NOTE_OFF, p) for p in range(128) if p != 64}


def test_a_strike_of_a_key_down_names_the_release_to_feed_first():
    """Row 0 strikes its held E again, row 1 strikes a free key, row 2 moves time: only row 0 lifts, with E's
    NOTE_OFF; once played, its E is down again, and beam rows taken in a new order keep their own keys."""
    keys = PianoKeys.after(ONE_HOT, [code(perf.NOTE_ON, 64)], rows=3)
    chosen = np.array([code(perf.NOTE_ON, 64), code(perf.NOTE_ON, 65), code(perf.TIME_SHIFT, 5)])
    rows, offs = keys.restruck(chosen)
    assert rows.tolist() == [0] and offs.tolist() == [code(perf.NOTE_OFF, 64)]
    keys.played(offs, rows)
    assert not keys.down[0, 64]
    keys.played(chosen)
    assert keys.down[0, 64] and keys.down[1, 65] and not keys.down[2, 65]
    taken = keys.take([1, 1, 2])
    assert taken.down[:2, 65].all() and not taken.down[2, 65]
    taken.played(np.array([code(perf.NOTE_OFF, 65)]), np.array([0]))
    assert keys.down[1, 65] and taken.down[1, 65] and not taken.down[0, 65]
