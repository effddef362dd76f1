"""Chord symbols from a RomanText harmony analysis (.rntxt) beside a score, placed on the score's own measures.

The OpenScore Lieder corpus (and When in Rome) ships each song with an analysis in Roman numerals, measure by
measure: "m7 iv/i b3 e: iiø65". Each numeral, read in its key by music21, becomes the chord symbol of its pitches
(root, quality, seventh, slash bass for an inversion), so a song without chord symbols still makes lead sheets.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from composer_app.music.chords import ChordSymbolError, parse_chord_symbol

ANALYSIS_SUFFIX = ".rntxt"
ANALYSIS_VERSION = 1  # bump when the chords read from an analysis change, so cached lead sheets are redone
_NOT_A_BEAT = ("bnan", "binf", "b-inf")  # beats an analyser wrote as a float it could not compute
MAX_BARS_LEFT_OUT = 2  # closing bars an analysis may leave unanalysed and still be lined up by measure number
_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
# Chord kinds by the pitch classes above the root. A chord none fits is tried from each of its pitches in turn:
# an augmented sixth reads as the dominant seventh it sounds like (Ger65 in C: Ab7).
_KINDS = {
    frozenset({4, 7}): "", frozenset({3, 7}): "m", frozenset({3, 6}): "dim", frozenset({4, 8}): "aug",
    frozenset({4, 7, 10}): "7", frozenset({4, 7, 11}): "maj7", frozenset({3, 7, 10}): "m7",
    frozenset({3, 6, 9}): "dim7", frozenset({3, 6, 10}): "m7b5", frozenset({3, 7, 11}): "m(maj7)",
    frozenset({4, 8, 10}): "aug7", frozenset({4, 8, 11}): "maj7#5", frozenset({4, 6, 10}): "7b5",
    frozenset({4, 10}): "7(no5)", frozenset({4, 7, 9}): "6", frozenset({3, 7, 9}): "m6",
    frozenset({4, 7, 10, 2}): "9", frozenset({4, 7, 10, 1}): "7b9", frozenset({4, 7, 11, 2}): "maj9",
    frozenset({3, 7, 10, 2}): "m9", frozenset({5, 7}): "sus",
    frozenset({2, 7}): "sus2", frozenset({5, 7, 10}): "sus7", frozenset({4}): "(no5)", frozenset({3}): "m(no5)",
}


def analysis_path(score: str | Path) -> Path | None:
    """The analysis of a score: SCORE.rntxt, else the one .rntxt in a folder that holds one score (Lieder's
    layout: lc123.mxl beside analysis_automatic.rntxt); None when there is none."""
    from composer_app.music.score_io import SCORE_SUFFIXES

    score = Path(score)
    same = score.with_suffix(ANALYSIS_SUFFIX)
    if same.is_file():
        return same
    try:
        siblings = list(score.parent.iterdir())
    except OSError:
        return None
    analyses = [p for p in siblings if p.suffix.lower() == ANALYSIS_SUFFIX and p.is_file()]
    scores = [p for p in siblings if p.suffix.lower() in SCORE_SUFFIXES]
    return analyses[0] if len(analyses) == 1 and len(scores) == 1 else None


def _spell(name: str, pitch_class: int) -> str:
    """A note name for a chord symbol: music21's flats ('B-') as 'b', double accidentals by pitch class."""
    name = name.replace("-", "b")
    return name if len(name) <= 2 else _NAMES[pitch_class]


@lru_cache(maxsize=4096)
def numeral_figure(numeral: str, key: str) -> str | None:
    """The chord symbol of a Roman numeral in a key (music21's key names: 'E', 'e', 'B-'), or None.

    >>> numeral_figure("V65/V", "C")
    'D7/F#'
    """
    from music21 import roman

    try:
        rn = roman.RomanNumeral(numeral, key)
        pitches = list(rn.pitches)
        root, bass = rn.root(), rn.bass()
    except Exception:  # music21 raises many kinds of errors for figures it cannot read
        return None
    if not pitches or root is None:
        return None
    classes = {p.pitchClass for p in pitches}
    candidates = [root] + [p for p in pitches if p.pitchClass != root.pitchClass]
    for candidate in candidates:
        kind = _KINDS.get(frozenset((pc - candidate.pitchClass) % 12 for pc in classes) - {0})
        if kind is None:
            continue
        figure = _spell(candidate.name, candidate.pitchClass) + kind
        if bass is not None and bass.pitchClass != candidate.pitchClass:
            figure += "/" + _spell(bass.name, bass.pitchClass)
        try:
            parse_chord_symbol(figure)
        except ChordSymbolError:
            continue
        return figure
    return None


def _beat_offset(beat, signature) -> float:
    """Quarters from the bar line to a beat. A one-beat metre (3/8) counts its beats in denominator units, as
    the Lieder analyses write them ("m6 I64 b2 IV b3 viio64" in 3/8)."""
    from music21 import exceptions21

    if signature.beatCount == 1 or beat < 1:
        return float(beat - 1) * 4 / signature.denominator
    try:
        return float(signature.getOffsetFromBeat(beat))
    except exceptions21.TimeSignatureException:
        return float(beat - 1) * 4 / signature.denominator


def read_analysis(path: str | Path, counts: Counter | None = None) -> tuple[list[tuple[int, float, str]], list[int]]:
    """(measure number, quarters after its bar line, chord symbol) for each numeral of a RomanText file, and the
    number of every measure it analyses.

    A numeral music21 cannot read, or one on an unreadable beat ("bnan"), is left out and counted; the chord
    before it holds on.
    """
    from music21 import meter
    from music21.romanText import rtObjects as rt

    counts = Counter() if counts is None else counts
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    handler = rt.RTFile().readstr(text)
    signature, key, out, measures = meter.TimeSignature("4/4"), "C", [], []
    for token in handler.tokens:
        if isinstance(token, rt.RTTagged) and token.tag.lower().replace(" ", "") == "timesignature":
            try:
                signature = meter.TimeSignature(token.data.strip())
            except Exception:
                counts["roman_time_signatures_unreadable"] += 1
            continue
        if not isinstance(token, rt.RTMeasure) or not token.number:
            continue
        if len(token.number) > 1 or token.isCopyDefinition:  # "m5-8 = m1-4": analysers do not write these
            counts["roman_measure_repeats_skipped"] += 1
            continue
        measures.append(token.number[0])
        offset, beat_ok = 0.0, True
        for atom in token.atoms:
            if isinstance(atom, rt.RTBeat):
                try:
                    offset, beat_ok = _beat_offset(atom.getBeatFloatOrFrac(), signature), True
                except Exception:
                    beat_ok = False
                    counts["roman_beats_unreadable"] += 1
            elif isinstance(atom, (rt.RTAnalyticKey, rt.RTKey)):
                try:
                    key = atom.getKey().tonicPitchNameWithCase
                except Exception:
                    counts["roman_keys_unreadable"] += 1
            elif isinstance(atom, rt.RTChord) and atom.src.lower() in _NOT_A_BEAT:
                beat_ok = False  # music21 reads an analyser's "bnan" as a chord: the numeral after it has no place
                counts["roman_beats_unreadable"] += 1
            elif isinstance(atom, rt.RTChord):
                figure = numeral_figure(atom.src, key) if beat_ok else None
                if figure is None:
                    counts["roman_numerals_unreadable"] += 1
                    continue
                out.append((token.number[0], offset, figure))
    return out, measures


def measure_starts(part) -> list[tuple[int, float]]:
    """(number, offset in quarters from the start of the part) of each measure's first bar line, in order; a
    pickup measure starts where its missing beats would, so a beat counted from its bar line lands on its note."""
    from music21 import stream

    return [(int(m.number), float(m.offset) - float(m.paddingLeft or 0))
            for m in part.getElementsByClass(stream.Measure)]


def match_measures(analysed: list[int], score: list[tuple[int, float]]) -> dict[int, float] | None:
    """The start of each analysed measure number in the score, or None when the two cannot be lined up.

    By number when the analysis's numbers are the score's, from its first bar to its last or up to two before (an
    analyser may leave the closing bars out); else by order when both count the same measures (a score that numbers its pickup 1 where the analysis says m0); else not at all: chords a bar
    off would teach the model wrong harmony.
    """
    if not analysed or not score:
        return None
    by_number: dict[int, float] = {}
    for number, start in score:
        by_number.setdefault(number, start)
    first, last = min(analysed), max(analysed)
    if first in by_number and 0 <= max(by_number) - last <= MAX_BARS_LEFT_OUT and set(analysed) <= set(by_number):
        return by_number
    if len(set(analysed)) == len(score) and last - first + 1 == len(score):
        return {first + i: start for i, (_, start) in enumerate(score)}
    return None


def place_analysis(analysis: list[tuple[int, float, str]], starts: dict[int, float], counts: Counter
                   ) -> list[tuple[float, str]]:
    """(offset in quarters, figure) of each chord whose measure the score has, in time order, repeats merged."""
    placed = []
    for number, offset, figure in analysis:
        if number not in starts:
            counts["roman_numerals_outside_score"] += 1
            continue
        placed.append((max(starts[number] + offset, 0.0), figure))
    placed.sort(key=lambda item: item[0])
    out: list[tuple[float, str]] = []
    for at, figure in placed:
        if out and out[-1][1] == figure:
            continue
        if out and out[-1][0] == at:
            out[-1] = (at, figure)
            continue
        out.append((at, figure))
    counts["chords_from_roman_analysis"] += len(out)
    return out


class RomanAnalysis:
    """An analysis file ready to place on a parsed score: read once, parsed lazily, placed by the score reader."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def chords_for(self, part, counts: Counter) -> list[tuple[float, str]]:
        """(offset in quarters, figure) on the score whose first part (the voice) is `part`; [] when unreadable."""
        try:
            analysis, measures = read_analysis(self.path, counts)
        except Exception:  # a damaged analysis leaves the song without chords, as before
            counts["roman_analyses_unreadable"] += 1
            return []
        starts = match_measures(measures, measure_starts(part))
        if starts is None:
            counts["roman_analyses_misaligned"] += 1
            return []
        return place_analysis(analysis, starts, counts)


__all__ = ["ANALYSIS_SUFFIX", "ANALYSIS_VERSION", "analysis_path", "numeral_figure", "read_analysis", "measure_starts",
           "match_measures", "place_analysis", "RomanAnalysis"]
