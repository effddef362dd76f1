"""The playback engine: a Song played through a Synthesizer block by block, with transport, loop, mix and audition."""

from __future__ import annotations

import heapq
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from composer_app.audio.schedule import NOTE_ON, Schedule, TrackMix, audible_tracks
from composer_app.audio.synth import AUDITION_CHANNEL, AUDITION_DRUM_CHANNEL, GRID, Synthesizer
from composer_app.music.song import Song

HALF_GRID = GRID // 2
# About 6 ms at 44.1 kHz: long enough that cutting a sound makes no click, short enough to feel instant.
# After the fade the synth is hushed (voices and effects emptied), so whatever plays next starts from silence.
FADE_OUT_FRAMES = 4 * GRID
# After the last note-off, keep rendering while voices ring, then this much reverb tail, but never longer than the cap.
REVERB_TAIL_SECONDS = 0.4
MAX_TAIL_SECONDS = 4.0
NOT_SONG_TIME = -1


@dataclass
class Block:
    """Rendered audio, int16 of shape (frames, 2), with the song frame each stretch of it plays.

    `marks` holds (offset in the block, song frame at that offset); NOT_SONG_TIME marks audio that is not song
    time (fades, silence while stopped, audition tails).
    """

    audio: np.ndarray
    marks: list[tuple[int, int]] = field(default_factory=list)
    finished: bool = False  # the song had played to its end when this block was rendered

    def song_frame_at(self, offset: int) -> int:
        """The song frame playing at an offset into the block, or NOT_SONG_TIME."""
        start, frame = 0, NOT_SONG_TIME
        for mark_offset, mark_frame in self.marks:
            if mark_offset > offset:
                break
            start, frame = mark_offset, mark_frame
        return frame if frame == NOT_SONG_TIME else frame + offset - start


class Engine:
    """Turns transport commands and a song into audio blocks. Not thread-safe: the Player serialises calls."""

    def __init__(self, synth: Synthesizer, song: Song | None = None):
        self.synth = synth
        self.sample_rate = synth.sample_rate
        self._schedule = Schedule(song or Song(), self.sample_rate)
        self._mixes: list[TrackMix] = []
        self._silent = False  # every track muted (the song goes to a MIDI output instead); the clock runs on
        self._audible = audible_tracks(self._mixes, len(self._schedule.song.tracks))
        self._loop_ticks: tuple[int, int] | None = None
        self._loop_enabled = False
        self._loop_frames: tuple[int, int] | None = None
        self.song_frame = 0
        self._next = 0
        self.playing = False
        self.finished = False
        self._active: set[tuple[int, int]] = set()
        self._muted = True  # producing exact silence without running the synth
        self._fade_out_pending = False
        self._chase_pending = False
        self._tail_frames = 0
        self._silent_frames = 0
        self._audition: list[tuple[int, int, int, int, int, int]] = []
        self._audition_seq = 0
        self._pieces: deque[tuple[np.ndarray, int]] = deque()
        self._buffered = 0
        self._ramp_down = np.linspace(1.0, 0.0, FADE_OUT_FRAMES, dtype=np.float32)[:, None]
        self._configure_channels()

    # -- song, mix, loop ------------------------------------------------------------------------
    @property
    def song(self) -> Song:
        return self._schedule.song

    @property
    def end_frame(self) -> int:
        return self._schedule.end_frame

    def set_song(self, song: Song, schedule: Schedule | None = None) -> None:
        """Swap in an edited song, keeping the position in ticks and the notes that still sound.

        A caller holding a lock can build the song's Schedule beforehand, outside it, and pass it in.
        """
        old = self._schedule
        tick = old.frame_to_tick(self.song_frame) if self.song_frame else 0
        new = schedule if schedule is not None and schedule.song is song else Schedule(song, self.sample_rate)
        frame = new.tick_to_frame(tick)
        same_plan = new.channels == old.channels and [(t.program, t.is_drum) for t in song.tracks] == [
            (t.program, t.is_drum) for t in old.song.tracks
        ]
        keep = set()
        if same_plan:
            keep = {(new.channels[new.note_tracks[i]], int(new.note_pitches[i])) for i in new.sounding_at(frame)}
        for ch, pitch in sorted(self._active - keep):
            self.synth.note_off(ch, pitch)
        self._active &= keep
        self._schedule = new
        self._audible = self._audible_now()
        self.song_frame = frame
        self._next = new.index_at(frame - HALF_GRID if self.playing else frame)
        self._update_loop_frames()
        self._configure_channels()
        if self.playing:
            self.finished = False

    def set_mixes(self, mixes: list[TrackMix]) -> None:
        """Mute, solo and volume for each track (missing entries mean the defaults)."""
        self._mixes = list(mixes)
        audible = self._audible_now()
        silenced = {ch for ch, was, now in zip(self._schedule.channels, self._audible, audible) if was and not now}
        for ch, pitch in sorted(self._active):
            if ch in silenced:
                self.synth.note_off(ch, pitch)
                self._active.discard((ch, pitch))
        self._audible = audible
        self._configure_channels()

    def _audible_now(self) -> list[bool]:
        count = len(self.song.tracks)
        return [False] * count if self._silent else audible_tracks(self._mixes, count)

    def set_silent(self, silent: bool) -> None:
        """Mute every track (or undo that) while the transport, the loop and the playhead go on."""
        self._silent = bool(silent)
        self.set_mixes(self._mixes)

    def set_loop(self, start_tick: int | None, end_tick: int | None, enabled: bool | None = None) -> None:
        """The loop region in ticks (None clears it); `enabled` switches looping on or off."""
        if start_tick is None or end_tick is None:
            self._loop_ticks = None
        else:
            self._loop_ticks = (int(min(start_tick, end_tick)), int(max(start_tick, end_tick)))
        if enabled is not None:
            self._loop_enabled = bool(enabled)
        self._update_loop_frames()

    @property
    def loop_region(self) -> tuple[int, int] | None:
        return self._loop_ticks

    @property
    def loop_enabled(self) -> bool:
        return self._loop_enabled

    def _update_loop_frames(self) -> None:
        region = self._loop_ticks
        if not self._loop_enabled or region is None or region[1] <= region[0]:
            self._loop_frames = None
            return
        start, end = (self._schedule.tick_to_frame(t) for t in region)
        self._loop_frames = (start, end) if end - start >= GRID else None

    def _configure_channels(self) -> None:
        for i, (track, ch) in enumerate(zip(self.song.tracks, self._schedule.channels)):
            self.synth.set_program(ch, track.program, track.is_drum)
            mix = self._mixes[i] if i < len(self._mixes) else TrackMix()
            self.synth.control_change(ch, 7, mix.cc_volume)

    def _used_channels(self) -> list[int]:
        return sorted(set(self._schedule.channels) | {AUDITION_CHANNEL, AUDITION_DRUM_CHANNEL})

    # -- transport --------------------------------------------------------------------------------
    def play(self) -> None:
        if self.playing:
            return
        in_loop = self._loop_frames is not None and self.song_frame < self._loop_frames[1]
        if self.finished or (self.song_frame >= self.end_frame and not in_loop):
            self.song_frame = 0
        self.playing = True
        self.finished = False
        self._tail_frames = self._silent_frames = 0
        self._next = self._schedule.index_at(self.song_frame)
        self._chase_pending = True
        self._muted = False

    def pause(self, at_frame: int | None = None) -> None:
        """Stop advancing (fading the sound out); `at_frame` puts the position where the listener heard it."""
        if at_frame is not None:
            self.song_frame = max(0, int(at_frame))
        if self.playing:
            self.playing = False
            self._chase_pending = False
            self._fade_out_pending = True

    def seek_frame(self, frame: int) -> None:
        """Jump to a song frame; while playing the old sound fades out and held notes are re-struck."""
        self.song_frame = max(0, int(frame))
        self._next = self._schedule.index_at(self.song_frame)
        self.finished = False
        self._tail_frames = self._silent_frames = 0
        if self.playing:
            self._fade_out_pending = True
            self._chase_pending = True

    def seek(self, tick: int) -> None:
        self.seek_frame(self._schedule.tick_to_frame(max(0, int(tick))))

    @property
    def silent(self) -> bool:
        """Producing exact silence without running the synth (stopped, with nothing left ringing)."""
        return self._muted and not self._fade_out_pending and not self._audition

    @property
    def position_tick(self) -> int:
        return self._schedule.frame_to_tick(self.song_frame)

    def tick_to_frame(self, tick: int) -> int:
        return self._schedule.tick_to_frame(tick)

    def frame_to_tick(self, frame: int) -> int:
        return self._schedule.frame_to_tick(frame)

    # -- audition ---------------------------------------------------------------------------------
    def audition(self, pitch: int, velocity: int = 100, program: int = 0, is_drum: bool = False,
                 seconds: float = 0.35) -> None:
        """Sound one note now for a moment, over whatever is playing."""
        ch = AUDITION_DRUM_CHANNEL if is_drum else AUDITION_CHANNEL
        self.synth.set_program(ch, program, is_drum)
        # A pending note-off for the same key would cut the new note short.
        self._audition = [e for e in self._audition if (e[3], e[4]) != (ch, pitch)]
        heapq.heapify(self._audition)
        now = self.synth.frames_rendered
        self._push_audition(now, NOTE_ON, ch, pitch, velocity)
        self._push_audition(now + max(GRID, int(seconds * self.sample_rate)), 0, ch, pitch, 0)
        self._muted = False
        self._silent_frames = 0

    def _push_audition(self, frame: int, kind: int, ch: int, pitch: int, velocity: int) -> None:
        self._audition_seq += 1
        heapq.heappush(self._audition, (frame, self._audition_seq, kind, ch, pitch, velocity))

    # -- rendering --------------------------------------------------------------------------------
    def render(self, frames: int) -> Block:
        """The next `frames` frames (a multiple of GRID keeps events exactly on FluidSynth's block grid)."""
        while self._buffered < frames:
            need = frames - self._buffered
            self._produce(max(GRID, -(-need // GRID) * GRID))
        out = np.empty((frames, 2), dtype=np.int16)
        marks = []
        pos = 0
        while pos < frames:
            audio, song_frame = self._pieces[0]
            k = min(len(audio), frames - pos)
            out[pos:pos + k] = audio[:k]
            marks.append((pos, song_frame))
            if k < len(audio):
                self._pieces[0] = (audio[k:], song_frame + k if song_frame != NOT_SONG_TIME else NOT_SONG_TIME)
            else:
                self._pieces.popleft()
            pos += k
        self._buffered -= frames
        return Block(out, marks, self.finished)

    def _emit(self, audio: np.ndarray, song_frame: int) -> None:
        self._pieces.append((audio, song_frame))
        self._buffered += len(audio)

    def _produce(self, limit: int) -> None:
        """Render one stretch of at most `limit` frames, stopping where the next event is due."""
        synth = self.synth
        if self._fade_out_pending:
            self._fade_out()
            return
        if self.playing and self._chase_pending:
            self._chase_pending = False
            self._chase(self.song_frame)
        if self._muted:
            self._emit(np.zeros((limit, 2), dtype=np.int16), NOT_SONG_TIME)
            return
        s = self.song_frame
        chunk = limit
        if self.playing:
            loop = self._loop_frames
            if loop is not None and loop[1] - HALF_GRID <= s < loop[1] + HALF_GRID:
                s = self._wrap(loop)
            self._dispatch_song(s)
            if self._next < len(self._schedule):
                chunk = min(chunk, _frames_until(self._schedule.frame_list[self._next], s))
            if loop is not None and s < loop[1] - HALF_GRID:
                chunk = min(chunk, _frames_until(loop[1], s))
        self._dispatch_audition()
        if self._audition:
            chunk = min(chunk, _frames_until(self._audition[0][0], synth.frames_rendered))
        audio = synth.render(chunk)
        if self.playing:
            self._emit(audio, s)
            self.song_frame = s + chunk
            self._check_end(chunk)
        else:
            self._emit(audio, NOT_SONG_TIME)
            self._check_idle(chunk)

    def _fade_out(self) -> None:
        self._fade_out_pending = False
        if not self._muted:
            audio = self.synth.render(FADE_OUT_FRAMES).astype(np.float32) * self._ramp_down
            self._emit(audio.astype(np.int16), NOT_SONG_TIME)
        self.synth.hush(self._used_channels())
        self._active.clear()
        # Auditions that have not started yet survive the cut; the ones that have are gone with it.
        waiting = {(e[3], e[4]) for e in self._audition if e[2] == NOTE_ON}
        self._audition = [e for e in self._audition if (e[3], e[4]) in waiting]
        heapq.heapify(self._audition)
        self._muted = not self.playing and not self._audition

    def _wrap(self, loop: tuple[int, int]) -> int:
        """At the loop end: play what is due before it, release held notes, jump back and re-strike held ones."""
        self._dispatch_song(loop[1] - HALF_GRID)
        self._release_active()
        s = loop[0] + (self.song_frame - loop[1])
        self.song_frame = s
        self._next = self._schedule.index_at(loop[0])
        self._chase(loop[0])
        return s

    def _dispatch_song(self, s: int) -> None:
        sched = self._schedule
        frames = sched.frame_list
        limit = s + HALF_GRID
        i, n = self._next, len(frames)
        while i < n and frames[i] < limit:
            self._send(i)
            i += 1
        self._next = i

    def _send(self, i: int) -> None:
        sched = self._schedule
        track = sched.track_list[i]
        ch = sched.channels[track]
        key = (ch, sched.pitch_list[i])
        if sched.kind_list[i] == NOTE_ON:
            if self._audible[track]:
                self.synth.note_on(ch, key[1], sched.velocity_list[i])
                self._active.add(key)
        elif key in self._active:
            self.synth.note_off(*key)
            self._active.discard(key)

    def _chase(self, frame: int) -> None:
        sched = self._schedule
        for i in sched.sounding_at(frame):
            track = int(sched.note_tracks[i])
            if self._audible[track]:
                key = (sched.channels[track], int(sched.note_pitches[i]))
                self.synth.note_on(key[0], key[1], int(sched.note_velocities[i]))
                self._active.add(key)

    def _release_active(self) -> None:
        for ch, pitch in sorted(self._active):
            self.synth.note_off(ch, pitch)
        self._active.clear()

    def _dispatch_audition(self) -> None:
        due = self.synth.frames_rendered + HALF_GRID
        while self._audition and self._audition[0][0] < due:
            _frame, _seq, kind, ch, pitch, velocity = heapq.heappop(self._audition)
            if kind == NOTE_ON:
                self.synth.note_on(ch, pitch, velocity)
            else:
                self.synth.note_off(ch, pitch)

    def _check_end(self, chunk: int) -> None:
        if self._loop_frames is not None and self.song_frame < self._loop_frames[1] + HALF_GRID:
            return
        if self._next < len(self._schedule) or self.song_frame < self.end_frame:
            return
        self._tail_frames += chunk
        self._silent_frames = self._silent_frames + chunk if self.synth.active_voices == 0 else 0
        if (self._silent_frames >= REVERB_TAIL_SECONDS * self.sample_rate
                or self._tail_frames >= MAX_TAIL_SECONDS * self.sample_rate):
            self.finished = True
            self.playing = False
            self._fade_out_pending = True

    def _check_idle(self, chunk: int) -> None:
        if self._audition or self.synth.active_voices:
            self._silent_frames = 0
            return
        self._silent_frames += chunk
        if self._silent_frames >= REVERB_TAIL_SECONDS * self.sample_rate:
            self._silent_frames = 0
            self._fade_out_pending = True


def _frames_until(event_frame: int, s: int) -> int:
    """Frames from grid point s to the first later grid point at which an event at event_frame is due."""
    return GRID * max(1, (event_frame - HALF_GRID - s) // GRID + 1)
