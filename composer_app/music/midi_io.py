"""Standard MIDI File import (through pretty_midi) and type-1 export (through mido)."""

from __future__ import annotations

import io
import os
import warnings
from pathlib import Path

from composer_app.music.errors import MusicFileError
from composer_app.music.smf_scan import MAX_SOURCE_TICKS, scan_smf
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
from composer_app.quiet_imports import import_quietly
from composer_app.said import said
from composer_app.user_files import read_limited

# Guards that keep a hostile or corrupt file from hanging the app or eating memory; smf_scan holds the others.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_TICKS = MAX_SOURCE_TICKS  # pretty_midi allocates a float per tick; it rejects more itself
CHORD_TRACK_NAME = "Chords"


def read_midi(path: str | os.PathLike) -> Song:
    """Read a type-0 or type-1 SMF into a Song, or raise MusicFileError saying why not."""
    import mido

    pretty_midi = import_quietly("pretty_midi")
    path = Path(path)
    layout = scan_smf(_read_bytes(path), path)
    try:
        mid = mido.MidiFile(file=io.BytesIO(layout.clean_bytes()))
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


def _read_bytes(path: Path) -> bytes:
    return read_limited(path, MAX_FILE_BYTES, said("MIDI song"), MusicFileError)


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
            # Rescaling can fold a very short note to zero length; keep it audible and editable.
            notes.append(Note(start=start, pitch=n.pitch, duration=max(1, end - start), velocity=n.velocity))
        total += len(notes)
        if total > MAX_NOTES:
            raise MusicFileError(path, said("more than {limit} notes").format(limit=MAX_NOTES))
        channel = DRUM_CHANNEL if inst.is_drum else _free_channel(used_channels)
        used_channels.add(channel)
        name = _file_text(inst.name).strip() or _default_track_name(inst.program, inst.is_drum)
        tracks.append(
            Track(name=name, program=int(inst.program), is_drum=bool(inst.is_drum), channel=channel, notes=notes)
        )

    tempo_times, tempi = pm.get_tempo_changes()
    tempos = [TempoChange(to_tick(t), _tidy_qpm(float(q))) for t, q in zip(tempo_times, tempi)]
    tempos = _dedupe_by_tick(tempos)
    sigs = [TimeSignature(to_tick(ts.time), ts.numerator, ts.denominator) for ts in pm.time_signature_changes]
    sigs = _dedupe_by_tick(sigs)  # smf_scan has refused signatures a song cannot use
    chords = _read_chord_track(mid, src_ppq)
    title = _title(mid)
    try:
        return Song(tracks=tracks, tempos=tempos, time_signatures=sigs, chords=chords, title=title)
    except ValueError as exc:
        raise MusicFileError(path, str(exc)) from None


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


def _free_channel(used: set[int]) -> int:
    for ch in list(range(9)) + list(range(10, 16)):
        if ch not in used:
            return ch
    return 0


def _default_track_name(program: int, is_drum: bool) -> str:
    if is_drum:
        return "Drums"
    from composer_app.music.gm import program_name

    return program_name(program)


def _read_chord_track(mid, src_ppq: int) -> list[ChordSymbol]:
    """Chord symbols this app wrote as text events on a track named "Chords"."""
    chords = []
    for track in mid.tracks:
        names = [m.name for m in track if m.type == "track_name"]
        if not names or names[0] != CHORD_TRACK_NAME:
            continue
        # pretty_midi has already turned mido's delta times into absolute ticks.
        for msg in track:
            if msg.type == "text" and msg.text.strip():
                chords.append(ChordSymbol(_rescale(msg.time, src_ppq), _file_text(msg.text).strip()))
    return chords


def _title(mid) -> str:
    if mid.type == 1 and len(mid.tracks) > 1:
        for msg in mid.tracks[0]:
            if msg.type == "track_name":
                return _file_text(msg.name).strip()
    return ""


def _file_text(text: str) -> str:
    """A name or text event as written: UTF-8 when its bytes are UTF-8 (as this app and most DAWs write), else
    the Latin-1 that mido reads every file as."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


# -- export ------------------------------------------------------------------------------


def song_to_midi_file(song: Song):
    """Build a type-1 mido.MidiFile: a conductor track, then one named MTrk per track."""
    import mido

    # UTF-8, as today's DAWs write it: Latin-1 (mido's default) cannot hold a title such as 歌.
    mid = mido.MidiFile(type=1, ticks_per_beat=PPQ, charset="utf-8")
    # The first track's name is the song's title in type-1 files, so an untitled song leaves it unnamed.
    conductor = [(0, 0, mido.MetaMessage("track_name", name=song.title, time=0))] if song.title else []
    for sig in song.time_signatures:
        conductor.append(
            (sig.tick, 1, mido.MetaMessage("time_signature", numerator=sig.numerator,
                                           denominator=sig.denominator, time=0))
        )
    for tempo in song.tempos:
        conductor.append((tempo.tick, 1, mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(tempo.qpm), time=0)))
    mid.tracks.append(_to_delta(conductor))

    channels = _export_channels(song.tracks)
    for track, channel in zip(song.tracks, channels):
        events = [(0, 0, mido.MetaMessage("track_name", name=track.name, time=0))]
        if not track.is_drum:
            events.append((0, 1, mido.Message("program_change", channel=channel, program=track.program, time=0)))
        for n in track.notes:
            # Note-offs sort before note-ons at the same tick so repeated notes stay separate.
            events.append((n.start, 3, mido.Message("note_on", channel=channel, note=n.pitch,
                                                     velocity=max(1, n.velocity), time=0)))
            events.append((n.end, 2, mido.Message("note_off", channel=channel, note=n.pitch, velocity=0, time=0)))
        mid.tracks.append(_to_delta(events))

    if song.chords:
        events = [(0, 0, mido.MetaMessage("track_name", name=CHORD_TRACK_NAME, time=0))]
        events += [(c.tick, 1, mido.MetaMessage("text", text=c.figure, time=0)) for c in song.chords]
        mid.tracks.append(_to_delta(events))
    return mid


def _export_channels(tracks) -> list[int]:
    channels, used = [], set()
    for track in tracks:
        if track.is_drum:
            channels.append(DRUM_CHANNEL)
            continue
        ch = track.channel if track.channel != DRUM_CHANNEL and track.channel not in used else _free_channel(used)
        used.add(ch)
        channels.append(ch)
    return channels


def _to_delta(events):
    import mido

    track = mido.MidiTrack()
    last = 0
    # The messages were made for this track alone, so their delta time can be set in place.
    events.sort(key=lambda e: (e[0], e[1]))
    for tick, _order, msg in events:
        msg.time = tick - last
        track.append(msg)
        last = tick
    end = max((e[0] for e in events), default=0)
    track.append(mido.MetaMessage("end_of_track", time=end - last))
    return track


def write_midi(song: Song, path: str | os.PathLike) -> Path:
    """Write a type-1 SMF atomically: a temporary file in the same folder, then a rename."""
    from composer_app.atomic_file import write_atomically

    path = Path(path)
    mid = song_to_midi_file(song)
    if not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise MusicFileError(path, said("cannot write in {folder}: no such folder").format(folder=str(path.parent)))
    try:
        return write_atomically(path, lambda fh: mid.save(file=fh))
    except OSError as exc:
        raise MusicFileError(path, said("could not write the file: {reason}").format(
            reason=exc.strerror or str(exc))) from None


def midi_bytes(song: Song) -> bytes:
    """The SMF bytes of a song (for drag-out and the clipboard)."""
    buf = io.BytesIO()
    song_to_midi_file(song).save(file=buf)
    return buf.getvalue()

