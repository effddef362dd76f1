"""The generate-listen-keep loop: turns panel settings and the roll's selection into requests, and results
into candidate cards, overlays, auditions and undoable Keep edits.

Primer rules (all in ticks of the edited song):
- With notes selected, the primer is those notes, from the bar of the first one; the new music starts where the
  last selected note ends. "Regenerate region" instead rewrites the selected bars (or the ruler's loop region),
  conditioned on everything before them, and keeps what follows.
- With nothing selected, the primer is the current track up to the playhead, and the new music starts there.
- Magenta primer text or a MIDI file can stand in for the roll.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from composer_app.errors import ComposerError
from composer_app.gui.generation.candidates_strip import CandidateView, ResultSet
from composer_app.gui.generation.history import history_json, restore_sets
from composer_app.gui.generation.jobs import GenerationQueue
from composer_app.gui.generation.model_panel import PRIMER_FILE, PRIMER_TEXT, PanelSettings
from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.generation.placement import Placement, part_index, with_parts
from composer_app.gui.shell.i18n import error_text, tr
from composer_app.models.errors import GenerationError
from composer_app.models.rnn.configs import ModelConfig, get_config
from composer_app.music.song import Song, Track, ticks_per_step

OVERLAY_COLOR = "#f2a541"


class PrimerProblem(GenerationError):
    """The primer cannot be built from what the user chose; the message says what to do."""


def steps_per_bar(song: Song, config: ModelConfig) -> int:
    """Steps in a bar of the song for this model; TimeSignatureError (a user's error) if the bar is not whole."""
    from composer_app.music.events import steps_per_bar_for

    return steps_per_bar_for(song.time_signature, config.steps_per_quarter)


def _bar_floor(tick: int, bar_ticks: int) -> int:
    return tick - tick % bar_ticks


def roll_primer(track: Track, config: ModelConfig, origin: int, seam: int) -> tuple:
    """Magenta events for the track's notes in [origin, seam), padded with silence up to the seam."""
    from composer_app.models.rnn.extraction import track_events

    events = track_events(track, config, origin, seam)
    return tuple(frozenset(e) for e in events) if config.is_drums else tuple(int(e) for e in events)


class GenerationController(QObject):
    result_set_added = Signal(object)  # ResultSet
    kept = Signal(object)  # CandidateView

    def __init__(self, window, panel, strip, auditioner=None, queue: GenerationQueue | None = None):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.editor = window.editor
        self.panel = panel
        self.strip = strip
        self.auditioner = auditioner
        self.queue = queue or GenerationQueue(self)
        self._set_ids = 0
        self._selected: CandidateView | None = None
        panel.generate_requested.connect(self.generate)
        panel.cancel_requested.connect(self.cancel)
        if hasattr(panel, "regenerate_requested"):
            panel.regenerate_requested.connect(lambda s: self.generate(s, region=True))
        # The queue also runs the MusicVAE tools' jobs; this panel shows only its own.
        self.queue.status.connect(lambda job, text: self._mine(job) and self.panel.show_status(text))
        self.queue.progress.connect(lambda job, done, total: self._mine(job) and self.panel.show_progress(done, total))
        self.queue.finished.connect(lambda job, result: self._mine(job) and self._on_finished(job, result))
        self.queue.failed.connect(lambda job, message: self._mine(job) and self._on_failed(job, message))
        self.queue.cancelled.connect(lambda job: self._mine(job) and self._on_cancelled(job))
        strip.candidate_selected.connect(self.audition)  # a click shows the variation and plays it in the song
        strip.keep_requested.connect(self.keep)
        strip.discard_requested.connect(self.discard)
        strip.audition_requested.connect(self.audition)
        self.document.song_replaced.connect(self._restore_history)
        self._restore_history()

    # -- requests -------------------------------------------------------------------------
    def generate(self, settings: PanelSettings, region: bool = False):
        """Queue one generation; returns its job, or None after showing why it cannot run."""
        config = get_config(settings.config_id)
        try:
            request, placement, label = self._request(settings, config, region)
        except ComposerError as exc:  # any problem the user can fix, from the primer file to the time signature
            self.panel.show_error(error_text(exc))
            return None
        job = self.queue.submit(request, label, context=(settings, placement))
        self.panel.set_busy(True, len(self.queue.pending()))
        self.panel.show_status(tr("Queued: {0}").format(label))
        return job

    def _request(self, settings: PanelSettings, config: ModelConfig, region: bool):
        """The request, where its result lands, and its label; a ComposerError says why there is none."""
        from composer_app.gui.generation.backing import backing_chords
        from composer_app.models.rnn.requests import GenerateRequest, check_request

        primer, placement = self._primer(settings, config, region)
        spb = steps_per_bar(self.document.song, config)
        tps = ticks_per_step(config.steps_per_quarter)
        new_steps = (placement.end - placement.seam) // tps if placement.is_region else settings.length_bars * spb
        placement = dataclasses.replace(placement, end=placement.seam + new_steps * tps,
                                        track_name=self.document.song.tracks[placement.track_index].name)
        steering = settings.steering()
        request = GenerateRequest(
            config_id=config.id, total_steps=len(primer) + new_steps, primer=primer,
            bundle=settings.bundle_path, temperature=settings.temperature, beam_size=settings.beam_size,
            branch_factor=settings.branch_factor, steps_per_iteration=settings.steps_per_iteration,
            num_outputs=settings.num_outputs, seed=settings.seed, qpm=self.document.song.qpm,
            steering=steering, avoid_primer_copy=settings.avoid_primer_copy,
            chords=backing_chords(self.document.song, config, placement, len(primer) + new_steps),
        )
        check_request(request)  # a chord the model cannot encode is refused before anything is queued
        return request, placement, self._label(settings, config, new_steps, spb, placement.is_region)

    def cancel(self) -> None:
        self.queue.cancel()
        self.panel.set_busy(False)
        self.panel.show_status(tr("Cancelled."))

    def _label(self, s: PanelSettings, config: ModelConfig, steps: int, spb: int, region: bool) -> str:
        bars = steps / spb
        parts = [model_text(config.title), tr("T {0:g}").format(s.temperature), tr("seed {0}").format(s.seed),
                 tr("{0:g} bars").format(bars)]
        if s.beam_size > 1 or s.branch_factor > 1:
            parts.append(tr("beam {0}x{1}").format(s.beam_size, s.branch_factor))
        if region:
            parts.append(tr("region"))
        return " · ".join(parts)

    def _primer(self, settings: PanelSettings, config: ModelConfig, region: bool) -> tuple[tuple, Placement]:
        song = self.document.song
        index = self.document.current_track
        if not song.tracks:
            raise PrimerProblem(tr("Add a track first: generated music goes into the current track."))
        track = song.tracks[index]
        if config.is_drums != track.is_drum:
            text = tr("{0} writes to a drum track; select one in the track list or pick another model.") if \
                config.is_drums else tr("{0} writes to a melody (non-drum) track; select one in the track list or "
                                        "pick another model.")
            raise PrimerProblem(text.format(model_text(config.title)))
        bar = song.time_signature.ticks_per_bar
        if settings.primer_source == PRIMER_TEXT:
            return self._text_primer(settings, config, index)
        if settings.primer_source == PRIMER_FILE and settings.primer_file:
            return self._file_primer(settings, config, index)
        selection = [n for n in self.editor.state.selection if n in set(track.notes)] \
            if hasattr(self.editor, "state") else []
        if region:
            span = self._region_span(selection, bar)
            if span is None:
                raise PrimerProblem(tr("Select notes in the bars to rewrite, or set a loop region on the ruler."))
            start, end = span
            origin = _bar_floor(max(0, start - 8 * bar), bar)  # condition on up to 8 bars before the region
            return roll_primer(track, config, origin, start), Placement(index, origin, start, end, True)
        if selection:
            origin = _bar_floor(min(n.start for n in selection), bar)
            seam = max(n.end for n in selection)
            primer_track = track.with_notes(selection)
            return roll_primer(primer_track, config, origin, seam), Placement(index, origin, seam, seam)
        seam = self.editor.playhead if hasattr(self.editor, "playhead") else 0
        if seam <= 0:
            seam = max((n.end for n in track.notes), default=0)
        origin = _bar_floor(max(0, seam - 8 * bar), bar)
        return roll_primer(track, config, origin, seam), Placement(index, origin, max(seam, origin), seam)

    def _region_span(self, selection, bar: int) -> tuple[int, int] | None:
        loop = getattr(self.editor, "loop_region", None)
        if selection:
            start = _bar_floor(min(n.start for n in selection), bar)
            end = _bar_floor(max(n.end for n in selection) + bar - 1, bar)
            return start, end
        if loop:
            return loop
        return None

    def _text_primer(self, settings, config, index) -> tuple[tuple, Placement]:
        from composer_app.music.primers import parse_drums_primer, parse_melody_primer

        if not settings.primer_text:
            raise PrimerProblem(tr("Type a primer such as [60, -2, 60, -2, 67] or choose another primer source."))
        events = parse_drums_primer(settings.primer_text) if config.is_drums else \
            parse_melody_primer(settings.primer_text)
        tps = ticks_per_step(config.steps_per_quarter)
        origin = self.editor.playhead if hasattr(self.editor, "playhead") else 0
        origin = _bar_floor(origin, self.document.song.time_signature.ticks_per_bar)
        seam = origin + len(events) * tps
        return tuple(events), Placement(index, origin, seam, seam)

    def _file_primer(self, settings, config, index) -> tuple[tuple, Placement]:
        from PySide6.QtWidgets import QWidget

        from composer_app.gui.shell.busy import run_busy
        from composer_app.models.rnn.extraction import primer_track
        from composer_app.music.io import read_song

        # A score file can take music21 seconds to parse: the window keeps answering meanwhile.
        parent = self.window if isinstance(self.window, QWidget) else None
        song = run_busy(parent, tr("Reading {0}…").format(settings.primer_file), lambda: read_song(settings.primer_file))
        source = primer_track(song, config, settings.primer_file)
        end = max(n.end for n in source.notes)
        events = roll_primer(source, config, 0, end)
        tps = ticks_per_step(config.steps_per_quarter)
        origin = _bar_floor(self.editor.playhead if hasattr(self.editor, "playhead") else 0,
                            self.document.song.time_signature.ticks_per_bar)
        return events, Placement(index, origin, origin + len(events) * tps, origin + len(events) * tps)

    # -- results --------------------------------------------------------------------------
    def _mine(self, job) -> bool:
        """Whether a job (or job id) is this panel's: an RNN generation, whose context is (settings, placement)."""
        if isinstance(job, int):
            job = self.queue.job(job)
        return job is not None and isinstance(job.context, tuple)

    def add_result_set(self, label: str, make_views, settings: dict) -> ResultSet:
        """A new set in the strip (and the project's history) of the views make_views(set_id) gives; the first is
        shown on the roll. `settings` holds "placement", where Keep puts a variation."""
        self._set_ids += 1
        result_set = ResultSet(self._set_ids, label, make_views(self._set_ids), settings)
        self.strip.add_set(result_set)
        if result_set.candidates:
            self.select_candidate(result_set.candidates[0])
        self._store_history()
        self.result_set_added.emit(result_set)
        return result_set

    def _on_finished(self, job, result) -> None:
        settings, placement = job.context
        self.panel.set_busy(self.queue.busy, len(self.queue.pending()))
        result_set = self.add_result_set(
            job.label, lambda set_id: [self._view(set_id, c, result, placement, job.label) for c in result.candidates],
            {"settings": dataclasses.asdict(settings), "placement": dataclasses.asdict(placement)})
        self.panel.show_status(tr("%n variation(s): click one to hear it in the song, Keep the one you like.", "",
                                  len(result_set.candidates)))

    def _view(self, set_id: int, candidate, result, placement: Placement, label: str) -> CandidateView:
        config = result.request.config
        tps = ticks_per_step(config.steps_per_quarter)
        seam_local = result.primer_steps * tps
        new_notes = tuple(sorted(
            dataclasses.replace(n, start=n.start + placement.origin,
                                duration=max(1, min(n.end + placement.origin, placement.end)
                                             - (n.start + placement.origin)))
            for t in candidate.song.tracks for n in t.notes
            if seam_local <= n.start and n.start + placement.origin < placement.end))
        return CandidateView(set_id, candidate.index, candidate.song, new_notes, seam_local,
                             tr("T {0:g} · seed {1}").format(result.request.temperature, result.seed), config.is_drums,
                             seed=result.seed, temperature=result.request.temperature)

    def _on_failed(self, job, message: str) -> None:
        self.panel.set_busy(self.queue.busy, len(self.queue.pending()))
        self.panel.show_error(message)

    def _on_cancelled(self, job) -> None:
        self.panel.set_busy(self.queue.busy, len(self.queue.pending()))

    # -- candidate actions --------------------------------------------------------------------
    def _placement_of(self, view: CandidateView) -> Placement | None:
        for s in self.strip.sets:
            if s.set_id == view.set_id:
                return Placement(**s.settings["placement"])
        return None

    def _target_track(self, view: CandidateView, placement: Placement | None) -> int:
        """Where the variation belongs now: its track, even if tracks were moved; GenerationError if it is gone."""
        tracks = self.document.song.tracks
        if placement is not None:
            def fits(i: int) -> bool:
                return tracks[i].is_drum == view.is_drums and tracks[i].name == (placement.track_name or tracks[i].name)

            index = placement.track_index
            if index < len(tracks) and fits(index):
                return index
            same = [i for i in range(len(tracks)) if placement.track_name and fits(i)]
            if len(same) == 1:
                return same[0]
        text, hint = (tr("The drum track this variation was made for was removed or changed."),
                      tr("Undo that change, or select a drum track and generate again.")) if view.is_drums else \
            (tr("The melody track this variation was made for was removed or changed."),
             tr("Undo that change, or select a melody track and generate again."))
        raise GenerationError(text, hint=hint)

    def _target_track_or_explain(self, view: CandidateView, placement: Placement | None) -> int | None:
        try:
            return self._target_track(view, placement)
        except GenerationError as exc:
            self.panel.show_error(error_text(exc))
            return None

    def select_candidate(self, view: CandidateView) -> None:
        placement = self._placement_of(view)
        self._selected = view
        self.strip.highlight(view)
        try:
            if view.parts:
                tracks = self.document.song.tracks
                self.editor.set_overlay({i: list(p.notes) for p in view.parts
                                         if (i := part_index(tracks, p)) is not None}, OVERLAY_COLOR)
            else:
                self.editor.set_overlay({self._target_track(view, placement): list(view.new_notes)}, OVERLAY_COLOR)
        except GenerationError:
            self.editor.clear_overlay()

    def keep(self, view: CandidateView) -> None:
        """Write the candidate into its track, replacing what was in its span, as one undoable edit."""
        placement = self._placement_of(view)
        if view.parts:
            self.document.edit_song(with_parts(self.document.song, view.parts, placement),
                                    tr("Keep variation {0}").format(view.index + 1))
            return self._after_keep(view, placement)
        index = self._target_track_or_explain(view, placement)
        if index is None:
            return
        track = self.document.song.tracks[index]
        span_end = max([placement.end] + [n.end for n in view.new_notes])
        kept = [n for n in track.notes if not (placement.seam <= n.start < span_end)]
        # Notes sounding into the new part are cut at the seam, so old and new do not overlap.
        kept = [dataclasses.replace(n, duration=max(1, placement.seam - n.start))
                if n.start < placement.seam < n.end and n.pitch in {m.pitch for m in view.new_notes} else n
                for n in kept]
        self.document.edit_track(index, track.with_notes(kept + list(view.new_notes)),
                                 tr("Keep variation {0}").format(view.index + 1))
        if index != self.document.current_track:  # show what was kept where it went
            self.document.set_current_track(index)
        self._after_keep(view, placement)

    def _after_keep(self, view: CandidateView, placement: Placement) -> None:
        self.editor.clear_overlay()
        seams = [placement.seam] + ([placement.end] if placement.is_region else [])
        self.editor.set_seams(seams)  # dotted lines where the new part meets the old
        self.panel.show_status(tr("Kept variation {0}. The new part starts at bar {1:g}.").format(view.index + 1, placement.seam / self.document.song.time_signature.ticks_per_bar + 1))
        self.kept.emit(view)

    def discard(self, view: CandidateView) -> None:
        self.strip.remove_candidate(view)
        if self._selected == view:
            self.editor.clear_overlay()
            self._selected = None
        self._store_history()

    def audition(self, view: CandidateView) -> None:
        self.select_candidate(view)
        if self.auditioner is None:
            self.panel.show_status(tr("Audio is not available, so the variation is shown but not played."))
            return
        placement = self._placement_of(view)
        if view.parts:
            self.auditioner.candidate(with_parts(self.document.song, view.parts, placement),
                                      start_tick=placement.origin)
            return
        index = self._target_track_or_explain(view, placement)
        if index is None:
            return
        song = self.document.song
        track = song.tracks[index]
        mixed = song.with_track(index, track.with_notes(
            [n for n in track.notes if not (placement.seam <= n.start < placement.end)] + list(view.new_notes)))
        # Heard in the song: the variation replaces its span, from the primer's bar onwards.
        self.auditioner.candidate(mixed, start_tick=placement.origin)

    # -- history kept in the project file --------------------------------------------------------
    def history_json(self) -> list:
        return history_json(self.strip.sets)

    def _store_history(self) -> None:
        if hasattr(self.document, "set_candidates"):
            self.document.set_candidates(self.history_json())

    def _restore_history(self) -> None:
        data = self.document.to_project().candidates if hasattr(self.document, "to_project") else []
        self.strip.clear_sets()
        self.editor.clear_overlay()
        self.editor.set_seams(())
        for result_set in restore_sets(data):
            self.strip.add_set(result_set)
            self._set_ids = max(self._set_ids, result_set.set_id)

    def shutdown(self) -> bool:
        return self.queue.shutdown()
