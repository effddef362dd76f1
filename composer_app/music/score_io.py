"""MusicXML, compressed MusicXML, ABC and Humdrum import through music21, chord symbols included."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from composer_app.music import score_checks
from composer_app.music.errors import MusicFileError
from composer_app.music.leadsheets.figures import harmony_figure, repair_figure
from composer_app.music.score_checks import MAX_SCORE_BYTES
from composer_app.music.song import (
    DRUM_CHANNEL,
    PPQ,
    ChordSymbol,
    Note,
    Song,
    TempoChange,
    TimeSignature,
    Track,
    song_limit_problem,
)
from composer_app.said import said
from composer_app.user_files import read_limited

SCORE_SUFFIXES = (".xml", ".musicxml", ".mxl", ".abc", ".krn")
FORMATS = {".abc": "abc", ".krn": "humdrum", ".mxl": "musicxml", ".xml": "musicxml", ".musicxml": "musicxml"}


def read_scores(path: str | os.PathLike, text: str | None = None, report: Counter | None = None,
                align_pickup: bool = False, analysis=None, first_part: bool = False) -> list[Song]:
    """Every piece in a score file (an ABC file often holds many tunes); `text` overrides the contents.

    `report` counts what was dropped or repaired (grace notes, unreadable chord symbols, parts with no MIDI
    channel); with `align_pickup` a piece that opens with a pickup bar is delayed by the pickup's missing beats,
    so that bar lines fall on whole bars from tick 0. A piece without chord symbols takes those of `analysis`
    (a leadsheets.roman_analyses.RomanAnalysis), placed on its first part's measures. With `first_part` a
    MusicXML score is read from its first part alone when no other part holds chord symbols (a song's voice
    without its accompaniment: several times faster).
    """
    path = Path(path)
    parsed = _parse(path, text, first_part)
    from music21 import stream

    scores = list(parsed.scores) if isinstance(parsed, stream.Opus) else [parsed]
    songs = []
    for score in scores:
        try:
            song = _song_from_score(score, report if report is not None else Counter(), align_pickup, analysis)
        except Exception as exc:
            raise MusicFileError(path, said("could not interpret the score ({reason})").format(
                reason=_reason(exc))) from None
        problem = song_limit_problem(song)
        if problem:
            raise MusicFileError(path, problem)
        songs.append(song)
    songs = [s for s in songs if s.tracks]
    if not songs:
        raise MusicFileError(path, said("the file holds no notes"))
    return songs


def read_score(path: str | os.PathLike) -> Song:
    """The first piece in a score file; for ABC only the first tune is parsed, which is much faster."""
    path = Path(path)
    if path.suffix.lower() == ".abc":
        first = _first_abc_tune(path)
        if first is not None:
            return read_scores(path, text=first)[0]
    return read_scores(path)[0]


def _first_abc_tune(path: Path) -> str | None:
    """The header and first X: tune of an ABC collection, or None if it holds one tune at most."""
    try:
        if path.stat().st_size > MAX_SCORE_BYTES:
            return None
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("X:")]
    if len(starts) < 2:
        return None
    return "\n".join(lines[: starts[1]]) + "\n"


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def _parse(path: Path, text: str | None = None, first_part: bool = False):
    """music21's stream for the file (or for `text`), after the cheap checks in score_checks."""
    fmt = FORMATS.get(path.suffix.lower(), "score")
    data = read_limited(path, MAX_SCORE_BYTES, said("score"), MusicFileError) if text is None else text.encode()
    try:
        import contextlib
        import io
        import warnings

        # music21 prints its warnings to stderr: on the command line they would bury the one-line error. Its
        # import is inside too: without matplotlib (the packaged app) it prints a notice about it there.
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            import music21

            if fmt == "musicxml":
                zipped = path.suffix.lower() == ".mxl" or score_checks.is_zipped(data)
                xml = score_checks.mxl_score_bytes(data, path) if zipped else data
                root = score_checks.musicxml_root(xml, path)
                return _score_from_musicxml(_only_first_part(root) if first_part else root)
            text = _decode(data) if text is None else text
            (score_checks.check_abc if fmt == "abc" else score_checks.check_humdrum)(text, path)
            return music21.converter.parseData(text, format=fmt)
    except MusicFileError:
        raise
    except Exception as exc:
        raise MusicFileError(path, said("not a readable {format} file ({reason})").format(
            format=fmt, reason=_reason(exc))) from None


def _only_first_part(root):
    """The score-partwise tree with its first part only, unless another part holds chord symbols or the first
    has no pitched note (then the first melodic part is a later one)."""
    parts = root.findall("part")
    if (len(parts) < 2 or parts[0].find(".//pitch") is None
            or any(p.find(".//harmony") is not None for p in parts[1:])):
        return root
    for part in parts[1:]:
        root.remove(part)
    part_list = root.find("part-list")
    if part_list is not None:
        for entry in part_list.findall("score-part"):
            if entry.get("id") != parts[0].get("id"):
                part_list.remove(entry)
    return root


def _score_from_musicxml(root):
    """music21's score for an already parsed and checked MusicXML tree (no second parse of the text)."""
    from music21.musicxml import xmlToM21

    importer = xmlToM21.MusicXMLImporter()
    importer.xmlRoot = root
    importer.xmlRootToScore(root, importer.stream)
    return importer.stream


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # older ABC and Humdrum files are often Latin-1


def _ticks(quarter_length) -> int:
    return int(round(float(quarter_length) * PPQ))


def _pickup_ticks(parts) -> int:
    """How much a pickup bar lacks of a full bar (music21's padding of the first measure), in ticks."""
    from music21 import stream

    first = next(iter(parts[0].getElementsByClass(stream.Measure)), None) if parts else None
    return max(0, _ticks(first.paddingLeft)) if first is not None and first.paddingLeft else 0


def _song_from_score(score, report: Counter, align_pickup: bool = False, analysis=None) -> Song:
    from music21 import harmony, meter, stream, tempo

    parts = list(score.parts) if hasattr(score, "parts") and len(score.parts) else [score]
    shift = _pickup_ticks(parts) if align_pickup else 0
    report["pickup_bars_aligned"] += bool(shift)

    def at(offset) -> int:  # a time in this piece, delayed by the pickup's missing beats
        return _ticks(offset) + shift

    tracks: list[Track] = []
    chords: dict[int, str] = {}
    channel = 0
    for part in parts:
        part = part.stripTies(matchByPitch=True) if isinstance(part, stream.Stream) else part
        flat = part.flatten()
        instrument = part.getInstrument(returnDefault=True)
        is_drum = _is_percussion(instrument)
        notes, part_chords = [], []
        for el in flat.notes:
            if isinstance(el, harmony.Harmony):
                figure = _figure(el)
                if figure:
                    part_chords.append((at(el.offset), figure))
                else:
                    report["chord_symbols_unreadable"] += 1
                continue
            duration = _ticks(el.quarterLength)
            if duration <= 0:  # grace notes have no written length; Magenta puts them at t=0
                report["grace_notes_dropped"] += 1
                continue
            start = at(el.offset)
            velocity = _velocity(el)
            for pitch in _pitches(el):
                if 0 <= pitch <= 127:
                    notes.append(Note(start=start, pitch=pitch, duration=duration, velocity=velocity))
        signature = next(iter(flat.getElementsByClass(meter.TimeSignature)), None)
        bar = TimeSignature(0, int(signature.numerator), int(signature.denominator)) if signature else TimeSignature()
        for tick, figure in _spread_stacked(part_chords, max(bar.ticks_per_bar, PPQ), report):
            chords.setdefault(tick, figure)  # the same chords written in several parts count once
        if not notes:
            continue
        # Magenta's MusicXML reader gives every such part the same default channel, then one instrument.
        report["parts_without_midi_channel"] += instrument.midiChannel is None and len(parts) > 1
        program = instrument.midiProgram if instrument.midiProgram is not None else 0
        name = (part.partName or instrument.instrumentName or "").strip() or f"Part {len(tracks) + 1}"
        if is_drum:
            ch = DRUM_CHANNEL
        else:
            ch = channel
            channel = channel + 1 if channel + 1 != DRUM_CHANNEL else channel + 2
            channel %= 16
        tracks.append(Track(name=name, program=int(program) % 128, is_drum=is_drum, channel=ch, notes=notes))

    if analysis is not None and not chords and parts:
        for offset, figure in analysis.chords_for(parts[0], report):
            chords.setdefault(at(offset), figure)
    first = parts[0].flatten() if parts else score.flatten()
    tempos = [TempoChange(at(mm.offset), float(mm.getQuarterBPM()))
              for mm in first.getElementsByClass(tempo.MetronomeMark) if mm.getQuarterBPM()]
    if not tempos:
        tempos = [TempoChange(at(mm.offset), float(mm.getQuarterBPM()))
                  for mm in score.flatten().getElementsByClass(tempo.MetronomeMark) if mm.getQuarterBPM()]
    sigs = [TimeSignature(at(ts.offset), int(ts.numerator), int(ts.denominator))
            for ts in first.getElementsByClass(meter.TimeSignature)]
    title = ""
    if score.metadata is not None:
        title = (score.metadata.title or "").strip()
    return Song(
        tracks=tuple(tracks),
        tempos=_last_per_tick(tempos),
        time_signatures=_last_per_tick(sigs),
        chords=tuple(ChordSymbol(t, f) for t, f in sorted(chords.items())),
        title=title,
    )


def _spread_stacked(items: list[tuple[int, str]], bar_ticks: int, report: Counter) -> list[tuple[int, str]]:
    """Chords written one after another at one time (placed over a long note only by their x position) spread
    evenly until the next chord, at most a bar, on whole beats where they fit. Magenta drops such a melody."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(items):
        tick = items[i][0]
        j = i
        while j < len(items) and items[j][0] == tick:
            j += 1
        group = [f for k, (_, f) in enumerate(items[i:j]) if k == 0 or f != items[i + k - 1][1]]
        span = min((items[j][0] if j < len(items) else tick + bar_ticks) - tick, bar_ticks)
        if len(group) > 1:
            report["stacked_chords_spread"] += len(group) - 1
        share = span / len(group)
        times = [tick + round(k * share / PPQ) * PPQ for k in range(len(group))]
        if len(set(times)) < len(times) or times[-1] >= tick + span:
            times = [tick + round(k * share) for k in range(len(group))]
        out += zip(times, group)
        i = j
    return out


def _figure(el) -> str:
    """Magenta's spelling of a music21 chord symbol, from its MusicXML parts (root, kind, degrees, bass)."""
    from music21 import harmony

    if isinstance(el, harmony.NoChord):
        return "N.C."
    try:
        root, bass = el.root(), el.bass()
        steps = tuple((m.modType, int(m.degree), int(m.interval.semitones) if m.interval else 0)
                      for m in el.getChordStepModifications())
        figure = harmony_figure(root.name if root else None, el.chordKind or "", bass.name if bass else None, steps)
    except (AttributeError, TypeError, ValueError):
        figure = ""
    return figure or repair_figure(el.figure or "") or ""


def _last_per_tick(items):
    by_tick = {}
    for item in items:
        by_tick[item.tick] = item
    return tuple(by_tick[t] for t in sorted(by_tick))


def _is_percussion(instrument) -> bool:
    from music21 import instrument as m21instrument

    return isinstance(instrument, m21instrument.UnpitchedPercussion) or instrument.midiChannel == DRUM_CHANNEL


def _pitches(el) -> list[int]:
    from music21 import note

    if isinstance(el, note.Unpitched):
        inst = el.getInstrument() if hasattr(el, "getInstrument") else None
        perc = getattr(inst, "percMapPitch", None)
        if perc is not None:
            return [int(perc)]
        return [int(el.displayPitch().midi)]
    if hasattr(el, "pitches"):
        return [int(p.midi) for p in el.pitches]
    return []


def _velocity(el) -> int:
    vel = el.volume.velocity if el.volume is not None else None
    return int(vel) if vel else 90
