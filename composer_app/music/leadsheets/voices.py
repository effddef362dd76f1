"""Cleaning a melody part for extraction: its top voice only, and the one bar grid a piece's metres agree on."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from composer_app.music.events import TimeSignatureError, steps_per_bar_for
from composer_app.music.song import Song, Track, tick_to_step


def top_voice(track: Track, counts: Counter) -> Track:
    """The track's highest line: of notes that start together the highest stays (double stops, chords), a lower
    note that starts under a held higher one is dropped (a second voice), and a higher note cuts a held lower one.

    Magenta discards such a part as polyphonic.
    """
    kept: list = []
    together = under = 0
    for note in sorted(track.notes, key=lambda n: (n.start, -n.pitch)):
        if kept and kept[-1].start == note.start:
            together += 1
            continue
        if kept and kept[-1].end > note.start:
            if kept[-1].pitch >= note.pitch:
                under += 1
                continue
            kept[-1] = replace(kept[-1], duration=note.start - kept[-1].start)
        kept.append(note)
    counts["melody_double_stop_notes_dropped"] += together
    counts["melody_second_voice_notes_dropped"] += under
    counts["melody_parts_made_monophonic"] += bool(together or under)
    return track.with_notes(kept)


def bar_grid(song: Song, steps_per_quarter: int, counts: Counter) -> tuple[int, int] | None:
    """(steps per bar, step of a bar line) of the metre that lasts longest, or None if it has no whole steps.

    Magenta cuts a piece at every time-signature and tempo change, so a pickup written in its own metre or a
    single 2/4 bar leaves fragments too short to use; here the piece stays whole on the main metre's grid (steps
    count quarters, so the grid holds through any change), and a bar line of that metre anchors it.
    """
    sigs = song.time_signatures
    end = max(song.end, sigs[-1].tick + 1)
    lengths: Counter = Counter()
    first_tick: dict = {}
    for sig, nxt in zip(sigs, list(sigs[1:]) + [None]):
        key = (sig.numerator, sig.denominator)
        lengths[key] += (nxt.tick if nxt else end) - sig.tick
        first_tick.setdefault(key, sig.tick)
    changes = sum(1 for a, b in zip(sigs, sigs[1:]) if (a.numerator, a.denominator) != (b.numerator, b.denominator))
    counts["time_signature_changes_bridged"] += changes
    counts["tempo_changes_bridged"] += sum(1 for a, b in zip(song.tempos, song.tempos[1:]) if a.qpm != b.qpm)
    main = max(lengths, key=lambda k: (lengths[k], -first_tick[k]))
    main_sig = next(s for s in sigs if (s.numerator, s.denominator) == main)
    try:
        steps_per_bar = steps_per_bar_for(main_sig, steps_per_quarter)
    except TimeSignatureError:
        counts["skipped_non_integer_steps_per_bar"] += 1
        return None
    return steps_per_bar, tick_to_step(first_tick[main], steps_per_quarter) % steps_per_bar


__all__ = ["top_voice", "bar_grid"]
