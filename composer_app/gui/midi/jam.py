"""Jam: the loop region plays round and round; the player's phrase on the MIDI input (the call) is answered by the
chosen model on the next time round (the response), then it is the player's turn again. The model is the one in the
Generate dock's tab in front: Melody, Drums or Improv RNN (over the chord lane), Polyphony or Performance RNN.

The answer is asked for a moment before the loop comes round (LOOKAHEAD_S), on a thread of its own, so that it is
in the song when the player reaches it (benchmarks/bench_jam.py measures the slack); each answer also joins the
results history, to keep afterwards. Messages arrive on the MIDI thread, answers on the model's; both reach the UI
thread through queued signals, and only the UI thread touches the song.
"""

from __future__ import annotations

import dataclasses
import itertools
import threading
import time

from PySide6.QtCore import QObject, Signal

from composer_app.audio.midi.recording import Recording
from composer_app.errors import ComposerError
from composer_app.gui.midi.jam_model import JamModel, model_of, shown_model
from composer_app.gui.shell.i18n import error_text, tr
from composer_app.music.song import PPQ, Song, TempoChange, Track, drum_track

LOOKAHEAD_S = 0.25  # ask this long before the loop's end: the model (20-40 ms of CPU) and audio blocks fit in it
CALL, RESPONSE = "call", "response"
_jams = itertools.count(1)


def _tempo_at(song: Song, tick: int) -> float:
    return next(t.qpm for t in reversed(song.tempos) if t.tick <= tick)


class _Inbox(QObject):
    received = Signal(object, float)
    answered = Signal(object, object)  # ((jam pass, tick), JamTurn or ComposerError), from the model's thread


class Jam(QObject):
    """One jam at a time: `start()` and `stop()`; `turn` is whose turn it is."""

    state_changed = Signal(bool)

    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.active = False
        self.continuous = False  # the model keeps playing the next bars (no turns), instead of answering calls
        self.turn = CALL
        self.turns: list = []  # every answer (a JamTurn), the newest last
        self._inbox = _Inbox(self)
        self._inbox.received.connect(self._on_message)
        self._inbox.answered.connect(self._on_answer)
        self._chunk = 0  # continuous: the next stretch the model is to write
        self._pass = 0  # counts times round, so that a late answer for an earlier one is dropped
        self._take: Recording | None = None
        self._pass_started = 0.0
        self._last_tick = 0
        self._acted = False  # this pass's answer (or clearing) is done
        self._track = -1
        self._loop = (0, 0)
        self._merge = None

    def receive(self, message) -> None:
        """On the MIDI thread: only an emit, which Qt queues to the UI thread."""
        self._inbox.received.emit(message, time.perf_counter())

    # -- start and stop ------------------------------------------------------------------------
    def start(self) -> bool:
        """Begin, or say (in the status bar) what is missing: sound, a loop region, a model that continues."""
        window = self.window
        audio, generation = getattr(window, "audio", None), getattr(window, "generation", None)
        if audio is None or not audio.player.available:
            window.show_status(tr("Jam needs sound: playback is off on this computer."))
            return False
        start, end = window.editor.state.loop_range
        if end - start < PPQ:
            window.show_status(tr("Set a loop region of a bar or two first (drag in the ruler)."))
            return False
        try:
            model = shown_model(generation)
            self._check_chords(model, start, end)
        except ComposerError as exc:  # no model that continues a call, or an Improv RNN with no chords to play over
            window.show_status(error_text(exc))
            return False
        self._model, self._loop = model, (start, end)
        self._track = self._jam_track(model.config_id)
        self._merge = ("jam", next(_jams))
        # Continuous: the region sets how much the model writes at a time, and the song plays on past it.
        window.editor.state.set_loop(start, end, not self.continuous)
        self.turn, self.turns, self._acted, self._last_tick = CALL, [], False, start
        self._chunk = 0
        self.active = True
        player = audio.player
        player.position_changed.connect(self._on_position)
        player.seek(start)
        player.play()
        self._new_take()
        threading.Thread(target=self._preload, args=(model,), name="jam-load", daemon=True).start()
        self.state_changed.emit(True)
        window.show_status(tr("Jam: the model keeps playing the next bars; play along.") if self.continuous else
                           tr("Jam: play a phrase over the loop; the model answers the next time round."))
        return True

    @staticmethod
    def _preload(model: JamModel) -> None:
        """Read the bundle now (a first answer would otherwise spend the slack on it); errors wait for the answer."""
        from composer_app.models.rnn.generator import resolve_bundle
        from composer_app.models.rnn.requests import GenerateRequest

        try:
            resolve_bundle(GenerateRequest(config_id=model.config_id, total_steps=1, bundle=model.bundle))
        except ComposerError:
            pass

    def _check_chords(self, model: JamModel, start: int, end: int) -> None:
        """An Improv RNN needs chords in the loop to play over: said now, before the player plays a call."""
        from composer_app.models.rnn.jam import jam_chords

        jam_chords(model.config_id, self.window.document.song.chords, start, start, end - start)

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        player = self.window.audio.player
        player.position_changed.disconnect(self._on_position)
        player.stop()
        self._take = None
        self.state_changed.emit(False)
        self.window.show_status(tr("Jam ended: %n answer(s) are in the results.", "", len(self.turns)))

    def _jam_track(self, config_id: str) -> int:
        """The track the answers play on ("Jam", of the model's kind), added to the song if it has none."""
        from composer_app.models.rnn.configs import get_config

        doc = self.window.document
        drums = get_config(config_id).is_drums
        for i, track in enumerate(doc.song.tracks):
            if track.name == "Jam" and track.is_drum == drums:
                return i
        track = drum_track(name="Jam") if drums else Track("Jam", program=0)
        doc.edit_song(doc.song.add_track(track), tr("Add the Jam track"))
        return len(doc.song.tracks) - 1

    # -- the loop going round --------------------------------------------------------------------
    def _new_take(self) -> None:
        self._take = Recording(self.window.document.song, self._loop[0])
        self._pass_started = time.perf_counter()

    def _on_message(self, message, arrived: float) -> None:
        if self.active and self.turn == CALL and self._take is not None:
            self._take.feed(message, arrived - self._pass_started)

    def _on_position(self, tick: int) -> None:
        if self.continuous:
            self._carry_on(tick)
            return
        start, end = self._loop
        if tick < self._last_tick - PPQ // 2:  # the loop came round
            self._come_round()
        self._last_tick = tick
        song = self.window.document.song
        ahead = song.tick_to_seconds(end) - song.tick_to_seconds(tick)
        if not self._acted and ahead <= LOOKAHEAD_S:
            self._acted = True
            if self.turn == CALL:
                self._answer()
            else:  # the player's turn comes next: the Jam track falls silent, the answer stays in the results
                self._write(())
                self.window.editor.clear_overlay()

    def _come_round(self) -> None:
        if self.turn == CALL and self._answered:
            self._pass += 1
            self.turn = RESPONSE
        else:  # after the answer, or a time round with nothing played: the player's turn
            self._pass += 1
            self.turn = CALL
            self._new_take()
        self._acted = self._answered = False

    def _carry_on(self, tick: int) -> None:
        """Continuous: shortly before each stretch of the region's length ends, the model writes the next one,
        continuing what sounded in it (the Jam track and what the player played)."""
        start, end = self._loop
        span = end - start
        chunk = max(0, (tick - start) // span)
        if chunk < self._chunk:
            return
        chunk_start, chunk_end = start + chunk * span, start + (chunk + 1) * span
        song = self.window.document.song
        if song.tick_to_seconds(chunk_end) - song.tick_to_seconds(tick) > LOOKAHEAD_S:
            return
        self._chunk = chunk + 1
        played = self._take.notes(time.perf_counter() - self._pass_started) if self._take else ()
        jam = song.tracks[self._track].notes if 0 <= self._track < len(song.tracks) else ()
        sounded = [n for n in (*played, *jam) if chunk_start <= n.start < chunk_end]
        self._ask([dataclasses.replace(n, start=n.start - chunk_start) for n in sounded], chunk_start, chunk_end,
                  self._chunk)

    def _answer(self) -> None:
        """Ask the model to answer the phrase played this time round (if any played); the answer arrives later."""
        self._answered = False
        start, end = self._loop
        played = self._take.notes(time.perf_counter() - self._pass_started) if self._take else ()
        call = [dataclasses.replace(n, start=n.start - start) for n in played if start <= n.start < end]
        if not call:
            return
        self._answered = True  # asked: the next time round is the model's
        self._ask(call, start, start, self._pass)

    def _ask(self, call: list, call_at: int, at: int, jam_pass: int) -> None:
        """Ask the model, on its own thread, to continue `call` (ticks from 0, played from song tick `call_at`);
        the answer is written at `at`."""
        start, end = self._loop
        song = self.window.document.song
        drums = song.tracks[self._track].is_drum
        primer = drum_track(notes=call) if drums else Track("Call", notes=tuple(call))
        qpm = _tempo_at(song, call_at)  # the tempo the call was played at: Performance RNN reads it in seconds
        job = dict(call=primer, span=end - start, qpm=qpm, chords=song.chords, call_at=call_at, answer_at=at,
                   **self._current_model().answer_args())
        threading.Thread(target=self._think, args=(jam_pass, at, job), name="jam-answer", daemon=True).start()

    def _current_model(self) -> JamModel:
        """The jam's panel read now (temperature, steering and controls may change while jamming), on the model the
        jam started with: switching to a model of another kind mid-jam does not change the Jam track's kind."""
        try:
            now = model_of(self._model.panel)
        except ComposerError:
            return self._model
        if now.config_id == self._model.config_id:
            self._model = now
        return self._model

    def _think(self, jam_pass: int, at: int, job: dict) -> None:
        """On the model's thread: the answer, or the user's error, handed to the UI thread."""
        from composer_app.models.rnn.jam import answer

        try:
            outcome = answer(**job)
        except ComposerError as exc:
            outcome = exc
        self._inbox.answered.emit((jam_pass, at), outcome)

    def _on_answer(self, asked, outcome) -> None:
        jam_pass, at = asked
        late = not self.continuous and (self._pass - jam_pass > 1 or (self._pass > jam_pass and self.turn == CALL))
        if not self.active or late:
            return  # the jam ended, or the answer came after its time round was over
        if isinstance(outcome, ComposerError):
            self.window.show_status(error_text(outcome))
            return
        self.turns.append(outcome)
        self._write(outcome.notes, at)
        self._to_history(outcome, at)

    _answered = False

    def _write(self, notes, at: int | None = None) -> None:
        """The Jam track's notes over one region's length from `at` (the loop's start by default): an answer, or
        nothing on the player's turn."""
        doc = self.window.document
        if not 0 <= self._track < len(doc.song.tracks):
            return
        start = self._loop[0] if at is None else at
        end = start + self._loop[1] - self._loop[0]
        track = doc.song.tracks[self._track]
        kept = [n for n in track.notes if not start <= n.start < end]
        placed = [dataclasses.replace(n, start=n.start + start) for n in notes]
        if placed or len(kept) != len(track.notes):
            doc.edit_track(self._track, track.with_notes(sorted(kept + placed)), tr("Jam"), self._merge)

    def _to_history(self, turn, at: int) -> None:
        """Each answer is a result set of its own, so a good one can be kept afterwards: the card shows the call
        and its answer, and Keep writes the answer over its stretch of the Jam track."""
        generation = getattr(self.window, "generation", None)
        if generation is None:
            return
        from composer_app.gui.generation.candidates_strip import CandidateView
        from composer_app.gui.generation.placement import Placement

        span = self._loop[1] - self._loop[0]
        song = self.window.document.song
        track = song.tracks[self._track]
        # Heard from the call's stretch before it (or from the song's start, for a loop at the start).
        placement = Placement(self._track, max(0, at - span), at, at + span, track_name=track.name)
        clip = track.with_notes([*turn.call.notes, *(n.moved(span) for n in turn.notes)])
        qpm = _tempo_at(song, at)

        def views(set_id: int) -> list:
            return [CandidateView(set_id, 0, Song(tracks=(clip,), tempos=(TempoChange(0, qpm),)),
                                  tuple(n.moved(at) for n in turn.notes), span, "", track.is_drum,
                                  seed=turn.seed, temperature=turn.temperature)]

        generation.controller.add_result_set(tr("Jam answer {0}").format(len(self.turns)), views,
                                             {**self._model.history, "placement": dataclasses.asdict(placement)})
