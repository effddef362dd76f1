"""The MIDI readers as they were before smf_events (mido, pretty_midi, seconds back to ticks): a reference."""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

import mido
import pretty_midi

from composer_app.music.errors import MusicFileError
from composer_app.music.leadsheets.figures import repair_figure
from composer_app.music.leadsheets.sources import MIN_CHORD_SHARE
from composer_app.music.midi_io import (
    CHORD_TRACK_NAME,
    _dedupe_by_tick,
    _default_track_name,
    _file_text,
    _read_bytes,
    _rescale,
    _tidy_qpm,
    free_channel,
)
from composer_app.music.smf.scan import scan_smf
from composer_app.music.song import (
    DRUM_CHANNEL,
    MAX_NOTES,
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

_END_OF_TRACK = b"\x00\xff\x2f\x00"


def reference_read_midi(path) -> Song:
    """Read a file the old way, raising MusicFileError where the old reader did."""
    path = Path(path)
    layout = scan_smf(_read_bytes(path), path)
    try:
        mid = mido.MidiFile(file=io.BytesIO(_clean_bytes(layout)))
    except Exception as exc:  # mido raises many types for malformed data
        raise MusicFileError(path, said(
            "corrupt or truncated MIDI data ({reason})").format(reason=_reason(exc))) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pm = pretty_midi.PrettyMIDI(mido_object=mid)
    except Exception as exc:
        raise MusicFileError(path, said("could not interpret the MIDI data ({reason})").format(
            reason=_reason(exc))) from None
    song = _song_from_pretty_midi(pm, mid, path)
    problem = song_limit_problem(song)
    if problem:
        raise MusicFileError(path, problem)
    return song


def reference_midi_chord_events(path: Path) -> tuple[ChordSymbol, ...]:
    """midi_chord_events as it was: text, marker and cue events of every track, read through mido."""
    try:
        layout = scan_smf(_read_bytes(path), path)
        mid = mido.MidiFile(file=io.BytesIO(_clean_bytes(layout)))
    except Exception:
        return ()
    chords: dict[int, str] = {}
    for track in mid.tracks:
        tick, found, texts = 0, [], 0
        for msg in track:
            tick += msg.time
            if msg.type in ("text", "marker", "cue_marker") and msg.text.strip():
                texts += 1
                figure = repair_figure(msg.text)
                if figure:
                    found.append((round(tick * PPQ / mid.ticks_per_beat), figure))
        if texts and len(found) >= MIN_CHORD_SHARE * texts:
            for at, figure in found:
                chords.setdefault(at, figure)
    return tuple(ChordSymbol(t, f) for t, f in sorted(chords.items()))


def _clean_bytes(layout) -> bytes:
    """The file as mido should read it (an empty track gets an end-of-track, which pretty_midi needs)."""
    out = [b"MThd", struct.pack(">IHHh", 6, layout.fmt, len(layout.tracks), layout.division)]
    for body in layout.tracks:
        body = body or _END_OF_TRACK
        out += [b"MTrk", struct.pack(">I", len(body)), body]
    return b"".join(out)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def _song_from_pretty_midi(pm, mid, path: Path) -> Song:
    src_ppq = pm.resolution

    def to_tick(seconds: float) -> int:
        return _rescale(pm.time_to_tick(seconds), src_ppq)

    tracks: list[Track] = []
    used_channels: set[int] = set()
    total = 0
    for inst in pm.instruments:
        notes = []
        for n in inst.notes:
            start = to_tick(n.start)
            end = to_tick(n.end)
            notes.append(Note(start=start, pitch=n.pitch, duration=max(1, end - start), velocity=n.velocity))
        total += len(notes)
        if total > MAX_NOTES:
            raise MusicFileError(path, said("more than {limit} notes").format(limit=MAX_NOTES))
        channel = DRUM_CHANNEL if inst.is_drum else free_channel(used_channels)
        used_channels.add(channel)
        name = _file_text(inst.name).strip() or _default_track_name(inst.program, inst.is_drum)
        tracks.append(
            Track(name=name, program=int(inst.program), is_drum=bool(inst.is_drum), channel=channel, notes=notes)
        )

    tempo_times, tempi = pm.get_tempo_changes()
    tempos = [TempoChange(to_tick(t), _tidy_qpm(float(q))) for t, q in zip(tempo_times, tempi)]
    tempos = _dedupe_by_tick(tempos)
    sigs = [TimeSignature(to_tick(ts.time), ts.numerator, ts.denominator) for ts in pm.time_signature_changes]
    sigs = _dedupe_by_tick(sigs)
    chords = _read_chord_track(mid, src_ppq)
    title = _title(mid)
    try:
        return Song(tracks=tracks, tempos=tempos, time_signatures=sigs, chords=chords, title=title)
    except ValueError as exc:
        raise MusicFileError(path, str(exc)) from None


def _read_chord_track(mid, src_ppq: int) -> list[ChordSymbol]:
    chords = []
    for track in mid.tracks:
        names = [m.name for m in track if m.type == "track_name"]
        if not names or names[0] != CHORD_TRACK_NAME:
            continue
        for msg in track:  # pretty_midi has already turned mido's delta times into absolute ticks
            if msg.type == "text" and msg.text.strip():
                chords.append(ChordSymbol(_rescale(msg.time, src_ppq), _file_text(msg.text).strip()))
    return chords


def _title(mid) -> str:
    if mid.type == 1 and len(mid.tracks) > 1:
        for msg in mid.tracks[0]:
            if msg.type == "track_name":
                return _file_text(msg.name).strip()
    return ""
