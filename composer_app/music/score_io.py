"""MusicXML, compressed MusicXML, ABC and Humdrum import through music21, chord symbols included."""

from __future__ import annotations

import os
import re
from pathlib import Path

from composer_app.music import score_checks
from composer_app.music.errors import MusicFileError
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
from composer_app.user_files import read_limited

SCORE_SUFFIXES = (".xml", ".musicxml", ".mxl", ".abc", ".krn")
FORMATS = {".abc": "abc", ".krn": "humdrum", ".mxl": "musicxml", ".xml": "musicxml", ".musicxml": "musicxml"}


def read_scores(path: str | os.PathLike, text: str | None = None) -> list[Song]:
    """Every piece in a score file (an ABC file often holds many tunes); `text` overrides the contents."""
    path = Path(path)
    parsed = _parse(path, text)
    from music21 import stream

    scores = list(parsed.scores) if isinstance(parsed, stream.Opus) else [parsed]
    songs = []
    for score in scores:
        try:
            song = _song_from_score(score)
        except Exception as exc:
            raise MusicFileError(path, f"could not interpret the score ({_reason(exc)})") from None
        problem = song_limit_problem(song)
        if problem:
            raise MusicFileError(path, problem)
        songs.append(song)
    songs = [s for s in songs if s.tracks]
    if not songs:
        raise MusicFileError(path, "the file holds no notes")
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


def _parse(path: Path, text: str | None = None):
    """music21's stream for the file (or for `text`), after the cheap checks in score_checks."""
    fmt = FORMATS.get(path.suffix.lower(), "score")
    data = read_limited(path, MAX_SCORE_BYTES, "score", MusicFileError) if text is None else text.encode()
    try:
        import contextlib
        import io
        import warnings

        import music21

        # music21 prints its warnings to stderr: on the command line they would bury the one-line error.
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            if fmt == "musicxml":
                zipped = path.suffix.lower() == ".mxl" or score_checks.is_zipped(data)
                xml = score_checks.mxl_score_bytes(data, path) if zipped else data
                return _score_from_musicxml(score_checks.musicxml_root(xml, path))
            text = _decode(data) if text is None else text
            (score_checks.check_abc if fmt == "abc" else score_checks.check_humdrum)(text, path)
            return music21.converter.parseData(text, format=fmt)
    except MusicFileError:
        raise
    except Exception as exc:
        raise MusicFileError(path, f"not a readable {fmt} file ({_reason(exc)})") from None


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


def _song_from_score(score) -> Song:
    from music21 import harmony, meter, stream, tempo

    parts = list(score.parts) if hasattr(score, "parts") and len(score.parts) else [score]
    tracks: list[Track] = []
    chords: dict[int, str] = {}
    channel = 0
    for part in parts:
        part = part.stripTies(matchByPitch=True) if isinstance(part, stream.Stream) else part
        flat = part.flatten()
        instrument = part.getInstrument(returnDefault=True)
        is_drum = _is_percussion(instrument)
        notes = []
        for el in flat.notes:
            if isinstance(el, harmony.Harmony):
                figure = "N.C." if isinstance(el, harmony.NoChord) else _magenta_figure(el.figure or "")
                if figure:
                    chords.setdefault(_ticks(el.offset), figure)
                continue
            duration = _ticks(el.quarterLength)
            if duration <= 0:  # grace notes have no written length
                continue
            start = _ticks(el.offset)
            velocity = _velocity(el)
            for pitch in _pitches(el):
                if 0 <= pitch <= 127:
                    notes.append(Note(start=start, pitch=pitch, duration=duration, velocity=velocity))
        if not notes:
            continue
        program = instrument.midiProgram if instrument.midiProgram is not None else 0
        name = (part.partName or instrument.instrumentName or "").strip() or f"Part {len(tracks) + 1}"
        if is_drum:
            ch = DRUM_CHANNEL
        else:
            ch = channel
            channel = channel + 1 if channel + 1 != DRUM_CHANNEL else channel + 2
            channel %= 16
        tracks.append(Track(name=name, program=int(program) % 128, is_drum=is_drum, channel=ch, notes=notes))

    first = parts[0].flatten() if parts else score.flatten()
    tempos = [TempoChange(_ticks(mm.offset), float(mm.getQuarterBPM()))
              for mm in first.getElementsByClass(tempo.MetronomeMark) if mm.getQuarterBPM()]
    if not tempos:
        tempos = [TempoChange(_ticks(mm.offset), float(mm.getQuarterBPM()))
                  for mm in score.flatten().getElementsByClass(tempo.MetronomeMark) if mm.getQuarterBPM()]
    sigs = [TimeSignature(_ticks(ts.offset), int(ts.numerator), int(ts.denominator))
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


def _magenta_figure(figure: str) -> str:
    """music21 spells flats as '-' (B-7); Magenta and musicians write 'b' (Bb7)."""
    return re.sub(r"(^|/)([A-G])-", r"\1\2b", figure.strip())


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
