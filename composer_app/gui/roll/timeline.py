"""Bars and beats along the song's time-signature map, for the ruler and the grid lines."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from composer_app.music.song import PPQ, TimeSignature


@dataclass(frozen=True)
class Bar:
    """One bar: where it starts, its 1-based number, its length and its beat length in ticks."""

    start: int
    number: int
    length: int
    beat: int


def bars_between(signatures: Sequence[TimeSignature], t0: float, t1: float) -> Iterator[Bar]:
    """Every bar overlapping [t0, t1), following time-signature changes (which start new bars)."""
    number = 1
    for i, sig in enumerate(signatures):
        seg_end = signatures[i + 1].tick if i + 1 < len(signatures) else None
        length = max(1, sig.ticks_per_bar)
        beat = max(1, PPQ * 4 // max(1, sig.denominator))
        start = sig.tick
        if seg_end is not None and seg_end <= t0:
            number += -(-(seg_end - start) // length)
            continue
        if start + length <= t0:
            skip = int((t0 - start) // length)
            start += skip * length
            number += skip
        while start < t1 and (seg_end is None or start < seg_end):
            yield Bar(start, number, length, beat)
            start += length
            number += 1
        if start >= t1:
            return


def bar_at(signatures: Sequence[TimeSignature], tick: int) -> Bar:
    """The bar containing tick."""
    for bar in bars_between(signatures, tick, tick + 1):
        return bar
    return Bar(0, 1, signatures[0].ticks_per_bar, PPQ)


def ticks_for_bars(signatures: Sequence[TimeSignature], bars: int) -> int:
    """The tick where bar number bars + 1 starts (the length of the first `bars` bars).

    Counted per time-signature segment, never bar by bar: views ask on every paint, whatever the song's length.
    """
    remaining = max(0, bars)
    for i, sig in enumerate(signatures):
        length = max(1, sig.ticks_per_bar)
        if i + 1 < len(signatures):
            # As in bars_between: a change of signature starts a new bar, cutting the last one short.
            in_segment = -(-(signatures[i + 1].tick - sig.tick) // length)
            if remaining >= in_segment:
                remaining -= in_segment
                continue
        return sig.tick + remaining * length
    return 0


def steps_in_view(bar: Bar, step: int, t0: float, t1: float) -> range:
    """The ticks of the lines every `step` ticks inside bar (its own start excluded) that lie within [t0, t1].

    Only those: a long bar (or a song of long bars) costs what can be seen, not its length.
    """
    low = max(bar.start + step, t0)
    high = min(bar.start + bar.length - 1, t1)
    if high < low:
        return range(0)
    first = bar.start + step * -(-(math.ceil(low) - bar.start) // step)
    return range(first, math.floor(high) + 1, step)


def format_position(signatures: Sequence[TimeSignature], tick: int) -> str:
    """bar.beat.tick, 1-based like every DAW: "3.2.240"."""
    bar = bar_at(signatures, tick)
    offset = tick - bar.start
    return f"{bar.number}.{offset // bar.beat + 1}.{offset % bar.beat}"
