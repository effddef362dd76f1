"""Turn a Song into frame-timed note events, one synth channel per track (pure numpy, no synth)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from composer_app.audio.synth import AUDITION_CHANNEL, AUDITION_DRUM_CHANNEL, CHANNELS
from composer_app.music.song import DRUM_CHANNEL, PPQ, Song, Track

NOTE_OFF = 0
NOTE_ON = 1

_RESERVED = {AUDITION_CHANNEL, AUDITION_DRUM_CHANNEL}
_MELODIC_CHANNELS = [c for c in range(CHANNELS) if c % 16 != DRUM_CHANNEL and c not in _RESERVED]
_DRUM_CHANNELS = [c for c in range(CHANNELS) if c % 16 == DRUM_CHANNEL and c not in _RESERVED]


@dataclass(frozen=True)
class TrackMix:
    """How one track sounds in playback: muted, soloed, and its volume from 0 (silent) to 1 (full)."""

    mute: bool = False
    solo: bool = False
    volume: float = 1.0

    @property
    def cc_volume(self) -> int:
        """MIDI channel volume (CC 7) for this mix's volume."""
        return round(127 * min(1.0, max(0.0, self.volume)))


def audible_tracks(mixes: list[TrackMix], count: int) -> list[bool]:
    """Which of `count` tracks sound: any solo silences the unsoloed ones; mute always wins."""
    mixes = [mixes[i] if i < len(mixes) else TrackMix() for i in range(count)]
    soloing = any(m.solo for m in mixes)
    return [not m.mute and (m.solo or not soloing) for m in mixes]


def channel_plan(tracks: tuple[Track, ...]) -> list[int]:
    """A synth channel per track: drum tracks on FluidSynth's percussion slots, the others on melodic ones."""
    melodic, drums = iter(_MELODIC_CHANNELS), iter(_DRUM_CHANNELS)
    plan = []
    for track in tracks:
        try:
            plan.append(next(drums) if track.is_drum else next(melodic))
        except StopIteration:
            # Hundreds of tracks: share the last channel rather than fail.
            plan.append(_DRUM_CHANNELS[-1] if track.is_drum else _MELODIC_CHANNELS[-1])
    return plan


def ticks_to_frames(song: Song, ticks, sample_rate: int) -> np.ndarray:
    """Frame positions of ticks, following the song's tempo map (vectorised)."""
    ticks = np.asarray(ticks, dtype=np.float64)
    starts = np.array([t.tick for t in song.tempos], dtype=np.float64)
    seconds_per_tick = np.array([60.0 / (t.qpm * PPQ) for t in song.tempos])
    offsets = np.concatenate([[0.0], np.cumsum(np.diff(starts) * seconds_per_tick[:-1])])
    seg = np.clip(np.searchsorted(starts, ticks, side="right") - 1, 0, len(starts) - 1)
    seconds = offsets[seg] + (ticks - starts[seg]) * seconds_per_tick[seg]
    return np.rint(seconds * sample_rate).astype(np.int64)


def frame_to_tick(song: Song, frame: int, sample_rate: int) -> int:
    return song.seconds_to_tick(frame / sample_rate)


class Schedule:
    """Every note-on and note-off of a song at its frame, sorted; note-offs first when they coincide."""

    def __init__(self, song: Song, sample_rate: int):
        self.song = song
        self.sample_rate = sample_rate
        self.channels = channel_plan(song.tracks)
        count = sum(len(t.notes) for t in song.tracks)
        flat = (v for i, t in enumerate(song.tracks) for n in t.notes for v in (i, n.start, n.end, n.pitch, n.velocity))
        data = np.fromiter(flat, dtype=np.int64, count=5 * count).reshape(-1, 5)
        track, start, end = data[:, 0], data[:, 1], data[:, 2]
        on_frames = ticks_to_frames(song, start, sample_rate)
        # Every note lasts at least one frame, so its note-off can never sort before its own note-on.
        off_frames = np.maximum(ticks_to_frames(song, end, sample_rate), on_frames + 1)
        self.note_on_frames, self.note_off_frames, self.note_tracks = on_frames, off_frames, track
        self.note_pitches, self.note_velocities = data[:, 3], data[:, 4]

        n = len(data)
        frames = np.concatenate([off_frames, on_frames])
        kinds = np.concatenate([np.full(n, NOTE_OFF), np.full(n, NOTE_ON)])
        order = np.lexsort((kinds, frames))
        self.frames = frames[order]
        self.kinds = kinds[order]
        self.tracks = np.concatenate([track, track])[order]
        self.pitches = np.concatenate([data[:, 3], data[:, 3]])[order]
        self.velocities = np.concatenate([data[:, 4], data[:, 4]])[order]
        self.end_frame = int(off_frames.max()) if n else 0
        # Plain lists for the per-event loop in the engine, where numpy scalars would be slow.
        self.frame_list = self.frames.tolist()
        self.kind_list = self.kinds.tolist()
        self.track_list = self.tracks.tolist()
        self.pitch_list = self.pitches.tolist()
        self.velocity_list = self.velocities.tolist()

    def __len__(self) -> int:
        return len(self.frames)

    def index_at(self, frame: int) -> int:
        """The first event at or after a frame."""
        return int(np.searchsorted(self.frames, frame, side="left"))

    def sounding_at(self, frame: int) -> np.ndarray:
        """Indexes of the notes that started before a frame and are still held at it (for chasing after a seek)."""
        return np.nonzero((self.note_on_frames < frame) & (self.note_off_frames > frame))[0]

    def tick_to_frame(self, tick: int) -> int:
        return int(ticks_to_frames(self.song, [tick], self.sample_rate)[0])

    def frame_to_tick(self, frame: int) -> int:
        return frame_to_tick(self.song, frame, self.sample_rate)
