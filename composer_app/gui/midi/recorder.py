"""Recording from a MIDI input into the current track: the notes show as they are played, and a take is one
undo step. Messages arrive on the MIDI system's thread and are handed to the UI thread by a queued signal."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from composer_app.audio.midi.recording import Recording
from composer_app.gui.shell.i18n import tr

RECORD_COLOR = "#ff5f57"
COUNT_IN_PITCH, CLICK_PITCH = 37, 76  # side stick and high wood block: the GM kit's metronome voices


class _Inbox(QObject):
    received = Signal(object, float)  # message, perf_counter() when it arrived


class Recorder(QObject):
    """One take at a time: `start()` (after an optional count-in bar), `stop()` writes the notes into the track."""

    state_changed = Signal(bool)  # recording or not

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.quantize = False
        self.count_in = True
        self.metronome = True
        self.monitor = True  # played notes sound through the synth (Local Monitor)
        self._take: Recording | None = None
        self._started = 0.0
        self._track = 0
        self._inbox = _Inbox(self)
        self._inbox.received.connect(self._on_message)
        self._clicks = QTimer(self)
        self._clicks.timeout.connect(self._click)
        self._beat = 0
        self._counting = 0  # count-in beats still to click before the take starts
        self._redraw = QTimer(self, interval=33, timeout=self._show)  # held notes grow at ~30 fps

    # The MIDI system's thread calls this: only a signal emit, which Qt queues to the UI thread.
    def receive(self, message) -> None:
        self._inbox.received.emit(message, time.perf_counter())

    @property
    def recording(self) -> bool:
        return self._take is not None or self._counting > 0

    def toggle(self) -> None:
        self.stop() if self.recording else self.start()

    def start(self) -> None:
        doc = self.window.document
        self._track = doc.current_track
        song = doc.song
        if not 0 <= self._track < len(song.tracks):
            self.window.show_status(tr("Add a track to record into."))
            return
        beat_ms = max(50, round(60_000 / song.qpm))
        self._clicks.setInterval(beat_ms)
        self._beat = 0
        self._counting = song.time_signature.numerator if self.count_in else 0
        if self._counting:
            self.window.show_status(tr("Count-in…"))
            self._click()
            self._clicks.start()
        else:
            self._begin()
        self.state_changed.emit(True)

    def _begin(self) -> None:
        doc, editor = self.window.document, self.window.editor
        self._take = Recording(doc.song, editor.state.playhead)
        self._started = time.perf_counter()
        audio = getattr(self.window, "audio", None)
        if audio is not None:
            audio.player.seek(editor.state.playhead)
            audio.player.play()
        if self.metronome and not self._clicks.isActive():
            self._clicks.start()
        self._redraw.start()
        self.window.show_status(tr("Recording into {0}: play, then press R to stop").format(
            doc.song.tracks[self._track].name or tr("the track")))

    def _click(self) -> None:
        audio = getattr(self.window, "audio", None)
        if self._counting > 0:
            self._counting -= 1
            if audio is not None:
                audio.player.audition(COUNT_IN_PITCH, 110, is_drum=True, seconds=0.1)
            if self._counting == 0:
                if not self.metronome:
                    self._clicks.stop()
                QTimer.singleShot(self._clicks.interval(), self._begin)
            return
        if audio is not None and self.metronome:
            numerator = self.window.document.song.time_signature.numerator
            audio.player.audition(CLICK_PITCH, 110 if self._beat % numerator == 0 else 70, is_drum=True,
                                  seconds=0.05)
        self._beat += 1

    def _on_message(self, message, arrived: float) -> None:
        if self.monitor and message.type == "note_on" and message.velocity > 0:
            self._sound(message)
        if self._take is None:
            return
        if self._take.feed(message, arrived - self._started) is not None or message.type == "note_on":
            self._show()

    def _sound(self, message) -> None:
        audio = getattr(self.window, "audio", None)
        song, index = self.window.document.song, self.window.document.current_track
        if audio is None or not 0 <= index < len(song.tracks):
            return
        track = song.tracks[index]
        audio.player.audition(message.note, message.velocity, program=track.program, is_drum=track.is_drum)

    def _now(self) -> float:
        return time.perf_counter() - self._started

    def _show(self) -> None:
        if self._take is not None:
            self.window.editor.set_overlay(self._take.notes(self._now()), RECORD_COLOR)

    def stop(self) -> None:
        """End the take: its notes join the track as one undo step (nothing is written for an empty take)."""
        self._clicks.stop()
        self._redraw.stop()
        take, self._take, self._counting = self._take, None, 0
        audio = getattr(self.window, "audio", None)
        if audio is not None and audio.player.is_playing:
            audio.player.stop()
        self.window.editor.clear_overlay()
        self.state_changed.emit(False)
        if take is None:
            self.window.show_status(tr("Recording cancelled."))
            return
        grid = self.window.editor.state.grid.ticks if self.quantize else 0
        played = take.notes(self._now(), quantize=grid)
        if not played:
            self.window.show_status(tr("Nothing was played; the track is unchanged."))
            return
        doc = self.window.document
        track = doc.song.tracks[self._track]
        doc.edit_track(self._track, track.with_notes(sorted(track.notes + played)), tr("Record"))
        self.window.show_status(tr("Recorded %n note(s).", "", len(played)))
        self.window.editor.set_playhead(max(n.end for n in played))  # the next take continues from here
