"""Standard MIDI File import (read straight from the file's events) and type-1 export (smf.writer's bytes)."""

from __future__ import annotations

import bisect
import os
from pathlib import Path

from composer_app.music.errors import MusicFileError
from composer_app.music.smf.events import SmfEvents, read_smf_events
from composer_app.music.smf.scan import MAX_SOURCE_TICKS
from composer_app.music.smf.writer import CHORD_TRACK_NAME, free_channel, song_smf_bytes
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
from composer_app.user_files import read_limited

# Guards that keep a hostile or corrupt file from hanging the app or eating memory; smf.scan holds the others.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_TICKS = MAX_SOURCE_TICKS


def read_midi(path: str | os.PathLike, sustain: bool = False) -> Song:
    """Read a type-0 or type-1 SMF into a Song, or raise MusicFileError saying why not.

    With `sustain`, notes are held while the sustain pedal (CC64) is down, as note_seq's
    apply_sustain_control_changes holds them (what Performance RNN's training pipeline does first).
    """
    path = Path(path)
    song = _song_from_events(read_smf_events(_read_bytes(path), path), path, sustain)
    problem = song_limit_problem(song)
    if problem:
        raise MusicFileError(path, problem)
    return song


def read_midi_seconds(path: str | os.PathLike, sustain: bool = False) -> list[tuple]:
    """Every note as note_seq's midi_file_to_note_sequence times it, in seconds from the file's own ticks (a Song's
    ticks are rescaled to 960 a quarter, which can move a note by half a tick): (start, end, pitch, velocity,
    program, is_drum), instrument by instrument, for the training pipelines that quantize in seconds."""
    path = Path(path)
    smf = read_smf_events(_read_bytes(path), path)
    instruments = _instruments(smf.tracks)
    if sustain:
        apply_sustain(instruments, _pedals(smf.tracks))
    scales = _tick_scales(smf.tracks[0], smf.division)
    starts = [0.0]  # pretty_midi's time at each tempo's first tick, carried from one tempo to the next
    for (tick, scale), (next_tick, _) in zip(scales, scales[1:]):
        starts.append(starts[-1] + scale * (next_tick - tick))

    def seconds(tick: int) -> float:
        i = bisect.bisect_right(scales, tick, key=lambda s: s[0]) - 1
        return starts[i] + scales[i][1] * (tick - scales[i][0])

    return [(seconds(s), seconds(e), p, v, program, channel == DRUM_CHANNEL)
            for _name, program, channel, pairs, _track in instruments for s, e, p, v in pairs]


def _read_bytes(path: Path) -> bytes:
    return read_limited(path, MAX_FILE_BYTES, said("MIDI song"), MusicFileError)


# The song is read as pretty_midi read it before (this app's files and players agree with it), without its
# detour through seconds: tempo and metre come from the first track alone, and each track's notes form one
# instrument per program and channel.


def _song_from_events(smf: SmfEvents, path: Path, sustain: bool = False) -> Song:
    src_ppq = smf.division
    tracks: list[Track] = []
    used_channels: set[int] = set()
    total = 0
    instruments = _instruments(smf.tracks)
    if sustain:
        apply_sustain(instruments, _pedals(smf.tracks))
    for name, program, channel, pairs, _track in instruments:
        rows = []
        for start_tick, end_tick, pitch, velocity in pairs:
            start = _rescale(start_tick, src_ppq)
            # Rescaling can fold a very short note to zero length; keep it audible and editable.
            rows.append((start, pitch, max(1, _rescale(end_tick, src_ppq) - start), velocity))
        rows.sort()  # as tuples, in Note's own order, which is quicker than sorting the Notes
        notes = tuple(Note(*row) for row in rows)
        total += len(notes)
        if total > MAX_NOTES:
            raise MusicFileError(path, said("more than {limit} notes").format(limit=MAX_NOTES))
        is_drum = channel == DRUM_CHANNEL
        channel = DRUM_CHANNEL if is_drum else free_channel(used_channels)
        used_channels.add(channel)
        name = _file_text(name).strip() or _default_track_name(program, is_drum)
        tracks.append(Track(name=name, program=program, is_drum=is_drum, channel=channel, notes=notes))

    conductor = smf.tracks[0]
    tempos = [TempoChange(_rescale(tick, src_ppq), _tidy_qpm(60.0 / (scale * src_ppq)))
              for tick, scale in _tick_scales(conductor, src_ppq)]
    tempos = _dedupe_by_tick(tempos)
    sigs = [TimeSignature(_rescale(e[0], src_ppq), e[2], e[3]) for e in conductor if e[1] == "time_signature"]
    sigs = _dedupe_by_tick(sigs)  # smf.scan has refused signatures a song cannot use
    try:
        return Song(tracks=tracks, tempos=tempos, time_signatures=sigs, chords=_read_chord_track(smf),
                    title=_title(smf))
    except ValueError as exc:
        raise MusicFileError(path, str(exc)) from None


def _tick_scales(conductor, resolution: int) -> list[tuple[int, float]]:
    """(tick, seconds per tick) from the first track's tempos: one at tick 0 replaces the default 120 qpm, and a
    later one counts only where it changes the pace (pretty_midi's arithmetic, so the qpm come out the same)."""
    scales = [(0, 60.0 / (120.0 * resolution))]
    for event in conductor:
        if event[1] == "set_tempo":
            scale = 60.0 / ((6e7 / event[2]) * resolution)
            if event[0] == 0:
                scales = [(0, scale)]
            elif scale != scales[-1][1]:
                scales.append((event[0], scale))
    return scales


def _instruments(tracks):
    """(track name, program, channel, [(start, end, pitch, velocity)], track index) per instrument, in the order their first
    notes end. A note-off ends every open note of its channel and pitch begun before its tick (one begun at the
    same tick plays on); a note-off with no note open is ignored and a note never ended is dropped."""
    instruments: dict[tuple[int, int, int], tuple] = {}
    for index, events in enumerate(tracks):
        name = ""
        open_notes: dict[tuple[int, int], list[tuple[int, int]]] = {}
        programs = [0] * 16
        for event in events:
            tick, kind = event[0], event[1]
            if kind == "note_on" and event[4]:
                open_notes.setdefault((event[2], event[3]), []).append((tick, event[4]))
            elif kind == "note_on" or kind == "note_off":
                key = (event[2], event[3])
                started = open_notes.get(key)
                if started is None:
                    continue
                closing = [s for s in started if s[0] != tick]
                keep = [s for s in started if s[0] == tick]
                for start, velocity in closing:
                    program = programs[event[2]]
                    instrument = instruments.get((program, event[2], index))
                    if instrument is None:
                        instrument = instruments[(program, event[2], index)] = (name, program, event[2], [], index)
                    instrument[3].append((start, tick, event[3], velocity))
                if closing and keep:
                    open_notes[key] = keep
                else:
                    del open_notes[key]
            elif kind == "program_change":
                programs[event[2]] = event[3]
            elif kind == "track_name":
                name = event[2]
    return list(instruments.values())


def _pedals(tracks) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(tick, value) of the sustain pedal per (channel, track index). pretty_midi gives a controller change to the
    instrument of its channel and track (one made later inherits those before it), so every instrument of that
    channel and track hears them."""
    pedals: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for index, events in enumerate(tracks):
        for event in events:
            if event[1] == "control_change":
                pedals.setdefault((event[2], index), []).append((event[0], event[4]))
    return pedals


_PEDAL_DOWN, _PEDAL_UP, _NOTE_START, _NOTE_END = 0, 1, 2, 3  # note_seq's order of events at one time


def apply_sustain(instruments: list, pedals: dict) -> None:
    """note_seq's apply_sustain_control_changes, in ticks, on _instruments' rows (their note lists replaced).

    While the pedal is down a released note sounds on until the pedal goes up; a pitch struck again while the pedal
    is down ends the earlier note there (dropped if that leaves it no length). Drum notes are left alone. Notes
    still held when the events run out end at the last event, pedal changes included.
    """
    events = []
    notes = [[list(n) for n in row[3]] for row in instruments]
    for number, (_name, _program, channel, _pairs, track) in enumerate(instruments):
        if channel == DRUM_CHANNEL:
            continue
        events += [(n[0], _NOTE_START, number, i) for i, n in enumerate(notes[number])]
        events += [(n[1], _NOTE_END, number, i) for i, n in enumerate(notes[number])]
        events += [(tick, _PEDAL_DOWN if value >= 64 else _PEDAL_UP, number, -1)
                   for tick, value in pedals.get((channel, track), ())]
    events.sort(key=lambda e: (e[0], e[1]))  # stable: notes in file order, offsets after onsets, as note_seq
    active: dict[int, list[int]] = {}
    down: set[int] = set()
    dropped: set[tuple[int, int]] = set()
    tick = 0
    for tick, kind, number, i in events:
        held, row = active.setdefault(number, []), notes[number]
        if kind == _PEDAL_DOWN:
            down.add(number)
        elif kind == _PEDAL_UP:
            down.discard(number)
            for j in [j for j in held if row[j][1] < tick]:
                row[j][1] = tick
                held.remove(j)
        elif kind == _NOTE_START:
            if number in down:
                for j in [j for j in held if row[j][2] == row[i][2]]:
                    row[j][1] = tick
                    if row[j][0] == tick:
                        dropped.add((number, j))
                    held.remove(j)
            held.append(i)
        elif number not in down and i in held:
            held.remove(i)
    for number, held in active.items():
        for j in held:
            notes[number][j][1] = tick
    for number, (name, program, channel, _pairs, track) in enumerate(instruments):
        kept = [tuple(n) for j, n in enumerate(notes[number]) if (number, j) not in dropped]
        instruments[number] = (name, program, channel, kept, track)


def _tidy_qpm(qpm: float) -> float:
    """The shortest decimal qpm that writes back to the same microseconds-per-quarter (140, not 140.00014)."""
    micros = round(60_000_000 / qpm)
    for digits in range(7):
        candidate = round(qpm, digits)
        if candidate > 0 and round(60_000_000 / candidate) == micros:
            return candidate
    return qpm


def _rescale(tick: int, src_ppq: int) -> int:
    if src_ppq == PPQ:
        return int(tick)
    return (2 * int(tick) * PPQ + src_ppq) // (2 * src_ppq)


def _dedupe_by_tick(items):
    """Keep the last change at each tick, as a player would hear it."""
    by_tick = {}
    for item in items:
        by_tick[item.tick] = item
    return [by_tick[t] for t in sorted(by_tick)]


def _default_track_name(program: int, is_drum: bool) -> str:
    if is_drum:
        return "Drums"
    from composer_app.music.gm import program_name

    return program_name(program)


def _read_chord_track(smf: SmfEvents) -> list[ChordSymbol]:
    """Chord symbols this app wrote as text events on a track named "Chords"."""
    chords = []
    for events in smf.tracks:
        names = [e[2] for e in events if e[1] == "track_name"]
        if not names or names[0] != CHORD_TRACK_NAME:
            continue
        for event in events:
            if event[1] == "text" and event[2].strip():
                chords.append(ChordSymbol(_rescale(event[0], smf.division), _file_text(event[2]).strip()))
    return chords


def _title(smf: SmfEvents) -> str:
    if smf.fmt == 1 and len(smf.tracks) > 1:
        for event in smf.tracks[0]:
            if event[1] == "track_name":
                return _file_text(event[2]).strip()
    return ""


def _file_text(text: str) -> str:
    """A name or text event as written: UTF-8 when its bytes are UTF-8 (as this app and most DAWs write), else
    the Latin-1 that smf.events (as mido) reads every file as."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


# -- export ------------------------------------------------------------------------------


def write_midi(song: Song, path: str | os.PathLike) -> Path:
    """Write a type-1 SMF atomically: a temporary file in the same folder, then a rename."""
    from composer_app.atomic_file import write_atomically

    path = Path(path)
    data = song_smf_bytes(song)
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise MusicFileError(path, said("cannot write in {folder}: no such folder").format(folder=str(path.parent)))
    try:
        return write_atomically(path, lambda fh: fh.write(data))
    except OSError as exc:
        raise MusicFileError(path, said("could not write the file: {reason}").format(
            reason=exc.strerror or str(exc))) from None


def midi_bytes(song: Song) -> bytes:
    """The SMF bytes of a song (for drag-out and the clipboard)."""
    return song_smf_bytes(song)

