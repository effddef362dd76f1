"""A song played to a MIDI output on a thread of its own: each track on its channel (drums on channel 10), its
program first, notes on time by the tempo map, round the loop; stopping silences every channel it used."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from composer_app.audio.schedule import NOTE_ON, Schedule, TrackMix, audible_tracks
from composer_app.music.song import DRUM_CHANNEL, Song, Track

RATE = 1_000_000  # schedule "frames" are microseconds
ALL_NOTES_OFF, SUSTAIN, VOLUME = 123, 64, 7
_MELODIC = [c for c in range(16) if c != DRUM_CHANNEL]


def _message(kind: str, **fields):
    import mido  # off the start-up path: only a song played to a MIDI port needs it

    return mido.Message(kind, **fields)


def midi_channels(tracks: tuple[Track, ...]) -> list[int]:
    """A MIDI channel per track: drum tracks on channel 10, the others on the remaining 15 in turn."""
    plan, melodic = [], 0
    for track in tracks:
        if track.is_drum:
            plan.append(DRUM_CHANNEL)
        else:
            plan.append(_MELODIC[melodic % len(_MELODIC)])
            melodic += 1
    return plan


class MidiPlayback:
    """Plays to `port` (anything with send(mido.Message)). `clock` and `wait` are injectable for tests."""

    def __init__(self, port, clock: Callable[[], float] = time.perf_counter, wait: Callable[[float], None] | None = None):
        self.port = port
        self._clock = clock
        self._stop = threading.Event()
        self._wait = wait or self._stop.wait
        self._thread: threading.Thread | None = None
        self._used: set[int] = set()
        self._sounding: set[tuple[int, int]] = set()
        self._lock = threading.Lock()
        self.error: Exception | None = None  # what ended playback early (a port that went away)

    @property
    def playing(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def play(self, song: Song, start_tick: int = 0, mixes: list[TrackMix] = (),
             loop: tuple[int, int] | None = None) -> None:
        """Start (or restart) from `start_tick`; with `loop` (start, end ticks) it goes round until stopped."""
        self.stop()
        self._stop.clear()
        self.error = None
        self._thread = threading.Thread(target=self._run, args=(song, start_tick, list(mixes), loop),
                                        name="midi-out", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop and silence: note-offs for what sounds, then all-notes-off and pedal-up on every used channel."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2.0)
        self._thread = None
        self._silence()

    def _send(self, message) -> None:
        try:
            self.port.send(message)
        except Exception as exc:  # a device unplugged mid-song: stop quietly and keep the reason
            self.error = exc
            self._stop.set()

    def _silence(self) -> None:
        with self._lock:
            sounding, self._sounding = sorted(self._sounding), set()
            used, self._used = sorted(self._used), set()
        for channel, pitch in sounding:
            self._send(_message("note_off", channel=channel, note=pitch))
        for channel in used:
            self._send(_message("control_change", channel=channel, control=SUSTAIN, value=0))
            self._send(_message("control_change", channel=channel, control=ALL_NOTES_OFF, value=0))

    def _run(self, song: Song, start_tick: int, mixes: list[TrackMix], loop: tuple[int, int] | None) -> None:
        schedule = Schedule(song, RATE)
        channels = midi_channels(song.tracks)
        audible = audible_tracks(mixes, len(song.tracks))
        for i, track in enumerate(song.tracks):
            if audible[i]:
                self._use(channels[i])
                if not track.is_drum:
                    self._send(_message("program_change", channel=channels[i], program=track.program))
                volume = mixes[i].cc_volume if i < len(mixes) else 127
                self._send(_message("control_change", channel=channels[i], control=VOLUME, value=volume))
        frame = schedule.tick_to_frame(start_tick)
        loop_frames = (schedule.tick_to_frame(loop[0]), schedule.tick_to_frame(loop[1])) if loop else None
        origin = self._clock() - frame / RATE  # the clock time at which frame 0 would have sounded
        index = schedule.index_at(frame)
        frames, kinds = schedule.frame_list, schedule.kind_list
        while not self._stop.is_set():
            if loop_frames and loop_frames[0] < loop_frames[1] and (index >= len(frames)
                                                                     or frames[index] >= loop_frames[1]):
                self._wait_until(origin + loop_frames[1] / RATE)
                self._release_all()
                origin += (loop_frames[1] - loop_frames[0]) / RATE
                index = schedule.index_at(loop_frames[0])
                continue
            if index >= len(frames):
                break
            self._wait_until(origin + frames[index] / RATE)
            if self._stop.is_set():
                break
            track = schedule.track_list[index]
            if audible[track]:
                channel, pitch = channels[track], schedule.pitch_list[index]
                if kinds[index] == NOTE_ON:
                    self._note(channel, pitch, schedule.velocity_list[index])
                else:
                    self._note(channel, pitch, 0)
            index += 1
        self._release_all()

    def _wait_until(self, due: float) -> None:
        while not self._stop.is_set():
            left = due - self._clock()
            if left <= 0:
                return
            self._wait(min(left, 0.05))

    def _use(self, channel: int) -> None:
        with self._lock:
            self._used.add(channel)

    def _note(self, channel: int, pitch: int, velocity: int) -> None:
        with self._lock:
            if velocity:
                self._sounding.add((channel, pitch))
            elif (channel, pitch) in self._sounding:
                self._sounding.discard((channel, pitch))
            else:
                return  # the note began before playback did: it never sounded
        kind = "note_on" if velocity else "note_off"
        self._send(_message(kind, channel=channel, note=pitch, velocity=velocity))

    def _release_all(self) -> None:
        with self._lock:
            sounding, self._sounding = sorted(self._sounding), set()
        for channel, pitch in sounding:
            self._send(_message("note_off", channel=channel, note=pitch))
