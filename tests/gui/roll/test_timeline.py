"""Bars and beats along a time-signature map."""

from composer_app.gui.roll.timeline import bar_at, bars_between, format_position, ticks_for_bars
from composer_app.music.song import TimeSignature

SIGS = (TimeSignature(0, 4, 4), TimeSignature(7680, 3, 4))


def test_bars_follow_a_signature_change():
    """Two 4/4 bars, then 3/4 bars, numbered from 1."""
    bars = list(bars_between(SIGS, 0, 7680 + 2880 * 2))
    assert [(b.start, b.number, b.length) for b in bars] == [(0, 1, 3840), (3840, 2, 3840), (7680, 3, 2880),
                                                             (10560, 4, 2880)]


def test_bars_between_starts_mid_song():
    """Asking for a late range starts at the right bar number without listing earlier ones."""
    assert [b.number for b in bars_between(SIGS, 10600, 11000)] == [4]


def test_positions_read_like_a_daw():
    """bar.beat.tick, one-based bars and beats."""
    assert format_position(SIGS, 0) == "1.1.0"
    assert format_position(SIGS, 3840 + 960 + 5) == "2.2.5"
    assert bar_at(SIGS, 8000).number == 3
    assert ticks_for_bars(SIGS, 3) == 10560
