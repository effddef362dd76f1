"""Notes played on a MIDI keyboard while the song plays, turned into the song's notes (pure: no ports, no Qt).

Times are seconds since recording started at `start_tick`; the song's tempo map turns them into ticks, so a
recording over a tempo change lands where it was heard. The sustain pedal (CC 64) holds released notes until it
lifts, as a piano does.
"""

from __future__ import annotations

from composer_app.music.song import MAX_TICK, Note, Song

SUSTAIN = 64


class Recording:
    """What was played, note by note: `feed` each incoming message with its time, `notes` for the result."""

    def __init__(self, song: Song, start_tick: int, channel: int | None = None):
        self.song = song
        self.start_tick = start_tick
        self.channel = channel  # None: every channel
        self._start_seconds = song.tick_to_seconds(start_tick)
        self._down: dict[int, tuple[int, int]] = {}  # pitch -> (start tick, velocity)
        self._sustained: set[int] = set()  # released while the pedal is down
        self._pedal = False
        self.finished: list[Note] = []

    def tick_at(self, seconds: float) -> int:
        """The song tick heard `seconds` after recording started."""
        return min(MAX_TICK, max(self.start_tick, self.song.seconds_to_tick(self._start_seconds + max(0.0, seconds))))

    def feed(self, message, seconds: float) -> Note | None:
        """Take one message (a mido.Message); returns the note it completed, if any."""
        if self.channel is not None and getattr(message, "channel", self.channel) != self.channel:
            return None
        kind = message.type
        if kind == "note_on" and message.velocity > 0:
            done = self._end(message.note, seconds)  # a key struck again before its release: a new note
            self._down[message.note] = (self.tick_at(seconds), message.velocity)
            self._sustained.discard(message.note)
            return done
        if kind in ("note_on", "note_off"):
            if self._pedal and message.note in self._down:
                self._sustained.add(message.note)
                return None
            return self._end(message.note, seconds)
        if kind == "control_change" and message.control == SUSTAIN:
            self._pedal = message.value >= 64
            if not self._pedal:
                for pitch in sorted(self._sustained):
                    self._end(pitch, seconds)
                self._sustained.clear()
        return None

    def _end(self, pitch: int, seconds: float) -> Note | None:
        if pitch not in self._down:
            return None
        start, velocity = self._down.pop(pitch)
        note = Note(start, pitch, max(1, self.tick_at(seconds) - start), velocity)
        self.finished.append(note)
        return note

    def held(self, seconds: float) -> list[Note]:
        """Notes still sounding, as long as they are by now (to draw them growing)."""
        now = self.tick_at(seconds)
        return [Note(start, pitch, max(1, now - start), velocity) for pitch, (start, velocity) in self._down.items()]

    def notes(self, seconds: float, quantize: int = 0) -> tuple[Note, ...]:
        """Everything played up to `seconds` (held notes end there), in time order; with `quantize` ticks > 0,
        starts and lengths snap to that grid (a length never below one step)."""
        played = self.finished + self.held(seconds)
        if quantize > 0:
            played = [Note(round(n.start / quantize) * quantize, n.pitch,
                           max(quantize, round(n.duration / quantize) * quantize), n.velocity) for n in played]
        return tuple(sorted(played, key=lambda n: (n.start, n.pitch)))
