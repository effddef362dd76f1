"""Runs the Polyphony and Performance panels: the roll's selection or track in, jobs on the shared queue, results
as cards in the Variations strip (audition, Keep as one undo step, drag-out, history) through the RNN controller.

Every result is one part: on a new track (named after the source) or on the source track itself, written over its
span by Keep. Harmonise keeps the melody's own notes in that span, so the same-track result is melody plus voices.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QObject

from composer_app.errors import ComposerError
from composer_app.gui.generation.candidates_strip import CandidateView
from composer_app.gui.generation.families.family_panel import NEW_TRACK, FamilyPanel
from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.generation.placement import Placement
from composer_app.gui.shell.i18n import error_text, tr
from composer_app.models.errors import GenerationError
from composer_app.models.rnn.timed_jobs import (
    HARMONISE,
    STEP_TICKS,
    harmonise_job,
    performance_job,
    poly_continue_job,
)
from composer_app.music.song import Song, Track

PRIMER_SECONDS = 8.0  # how much of the track before the playhead a performance continues from


@dataclass(frozen=True)
class FamilyContext:
    """What a queued job needs back: its panel, settings, where it lands and the part's name and program."""

    panel: FamilyPanel
    settings: dict
    placement: Placement
    part: Track  # the part's name, program and channel, without notes
    kept_notes: tuple = ()  # the source track's notes in the span that stay (Harmonise on the same track)


class FamilyController(QObject):
    def __init__(self, window, generation, panels):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.editor = window.editor
        self.generation = generation  # the GenerationController: its strip, queue and Keep/audition
        self.queue = generation.queue
        self.panels = list(panels)
        for panel in self.panels:
            panel.generate_requested.connect(self.generate)
            panel.cancel_requested.connect(lambda p=panel: self.cancel(p))
        self.queue.status.connect(lambda job, text: (c := self._context(job)) and c.panel.show_status(text))
        self.queue.progress.connect(self._progress)
        self.queue.finished.connect(lambda job, result: self._mine(job) and self._finished(job, result))
        self.queue.failed.connect(lambda job, text: self._mine(job) and self._failed(job, text))
        self.queue.cancelled.connect(lambda job: self._mine(job) and job.context.panel.set_busy(self._busy(job)))
        # After the RNN controller has shown a card's parts: a part bound for a new track is shown over its source.
        generation.strip.candidate_selected.connect(self._overlay_new_track)
        generation.strip.audition_requested.connect(self._overlay_new_track)

    def _context(self, job) -> FamilyContext | None:
        if isinstance(job, int):
            job = self.queue.job(job)
        return job.context if job is not None and isinstance(job.context, FamilyContext) else None

    def _mine(self, job) -> bool:
        return self._context(job) is not None

    def _busy(self, job) -> bool:
        return any(self._context(j) is not None and j.context.panel is job.context.panel for j in self.queue.pending())

    def _progress(self, job_id: int, done: int, total: int) -> None:
        context = self._context(job_id)
        if context is not None:
            seconds = context.panel.family == "performance"
            text = tr("{0:.1f} / {1:.1f} s").format(done / 100, total / 100) if seconds else \
                tr("{0} / %n step(s)", "", total).format(done)
            context.panel.show_progress(done, total, text)

    # -- requests ------------------------------------------------------------------------------------------
    def generate(self, panel: FamilyPanel):
        """Queue the panel's generation; returns the job, or None after showing why it cannot run."""
        settings = panel.settings()
        try:
            if panel.ensure_bundle() is None:  # the shipped bundle is read on first use
                panel.show_error(panel.no_bundle_text())
                return None
            job, context, label = self._job(panel, settings)
        except (ComposerError, ValueError) as exc:
            panel.show_error(error_text(exc) if isinstance(exc, ComposerError) else str(exc))
            return None
        queued = self.queue.submit(job, label, context=context)
        panel.set_busy(True)
        panel.show_status(tr("Queued: {0}").format(label))
        return queued

    def cancel(self, panel: FamilyPanel) -> None:
        for job in self.queue.pending():
            if self._context(job) is not None and job.context.panel is panel:
                self.queue.cancel(job.job_id)
        panel.set_busy(False)
        panel.show_status(tr("Cancelled."))

    def _source(self) -> tuple[int, Track, list]:
        song = self.document.song
        if not song.tracks:
            raise GenerationError(tr("Add a track first: the model reads and writes a track."))
        index = self.document.current_track
        track = song.tracks[index]
        if track.is_drum:
            raise GenerationError(tr("These models play pitched notes: select a melody or piano track, not drums."))
        selection = [n for n in getattr(getattr(self.editor, "state", None), "selection", ()) if n in set(track.notes)]
        return index, track, selection

    def _job(self, panel: FamilyPanel, s: dict):
        index, track, selection = self._source()
        song = self.document.song
        sampling = {"num_outputs": s["num_outputs"], "temperature": s["temperature"], "seed": s["seed"]}
        bundle = panel.bundle
        bar = song.time_signature.ticks_per_bar
        playhead = getattr(self.editor, "playhead", 0)
        kept: tuple = ()
        if panel.family == "polyphony" and s["mode"] == HARMONISE:
            melody = selection or list(track.notes)
            if not melody:
                raise GenerationError(tr("There is no melody to harmonise: draw one, or select its notes."))
            origin = min(n.start for n in melody) // bar * bar
            end = max(n.end for n in melody)
            job = harmonise_job(bundle, melody, origin, sampling)
            placement = Placement(index, origin, origin, end, False, track.name)
            if s["place"] != NEW_TRACK:
                kept = tuple(n for n in track.notes if origin <= n.start < end)
            what = tr("harmony of %n note(s)", "", len(melody))
        elif panel.family == "polyphony":
            seam = max(n.end for n in selection) if selection else (playhead or track.end)
            origin = max(0, seam - 8 * bar) // bar * bar
            primer = selection or [n for n in track.notes if origin <= n.start < seam]
            steps = s["length_bars"] * bar // STEP_TICKS
            job = poly_continue_job(bundle, primer, origin, seam, steps, sampling)
            placement = Placement(index, origin, seam, seam + steps * STEP_TICKS + STEP_TICKS, False, track.name)
            what = tr("{0:g} bars").format(s["length_bars"])
        else:
            seam = playhead
            primer = []
            origin = seam
            if s["mode"] != "silence":
                seam = max(n.end for n in selection) if selection else (playhead or track.end)
                origin = song.seconds_to_tick(max(0.0, song.tick_to_seconds(seam) - PRIMER_SECONDS))
                primer = selection or [n for n in track.notes if origin <= n.start < seam]
            job = performance_job(bundle, song, primer, origin, seam, s["seconds"], s, sampling)
            end = song.seconds_to_tick(song.tick_to_seconds(seam) + s["seconds"]) + 1
            placement = Placement(index, origin, seam, end, False, track.name)
            what = tr("{0:g} s").format(s["seconds"])
        new_track = s["place"] == NEW_TRACK
        part = Track(track.name, track.program, channel=track.channel)
        if new_track:
            used = {t.channel for t in song.tracks}
            free = next((c for c in range(16) if c != 9 and c not in used), track.channel)
            part = Track(self._new_name(track.name, panel.family), track.program, channel=free)
        context = FamilyContext(panel, s, placement, part, kept)
        label = " · ".join([model_text(bundle.config.title), tr("T {0:g}").format(s["temperature"]),
                            tr("seed {0}").format(s["seed"]), what])
        return job, context, label

    def _new_name(self, source: str, family: str) -> str:
        base = tr("{0} harmony").format(source) if family == "polyphony" else tr("Piano performance")
        names = {t.name for t in self.document.song.tracks}
        name, k = base, 2
        while name in names:
            name, k = f"{base} {k}", k + 1
        return name

    # -- results -------------------------------------------------------------------------------------------
    def _finished(self, job, outcome) -> None:
        context: FamilyContext = job.context
        context.panel.set_busy(self._busy(job))
        settings = {"family": dict(context.settings), "placement": dataclasses.asdict(context.placement)}
        result_set = self.generation.add_result_set(
            job.label, lambda set_id: self._views(set_id, outcome, context), settings)
        if result_set.candidates:
            self._overlay_new_track(result_set.candidates[0])
        if not any(v.new_notes for v in result_set.candidates):
            context.panel.show_status(tr("The model added no notes this time: generate again, or raise the "
                                         "temperature."))
            return
        context.panel.show_status(tr("%n variation(s): click one to hear it in the song, Keep the one you like.",
                                     "", len(result_set.candidates)))

    def _views(self, set_id: int, outcome, context: FamilyContext) -> list[CandidateView]:
        views = []
        temperature = context.settings["temperature"]
        origin = context.placement.origin
        for k, notes in enumerate(outcome.outputs):
            part = context.part.with_notes(sorted(set(context.kept_notes) | set(notes)))
            # The card and drag-out show the part from the placement's bar; Keep and audition use it in place.
            clip = part.with_notes(n.moved(-origin) for n in part.notes if n.start >= origin)
            song = Song(tracks=(clip,), tempos=self.document.song.tempos)
            views.append(CandidateView(set_id, k, song, tuple(sorted(notes)), context.placement.seam - origin, "",
                                       False, seed=outcome.seed, temperature=temperature, parts=(part,)))
        return views

    def _overlay_new_track(self, view: CandidateView) -> None:
        from composer_app.gui.generation.controller import OVERLAY_COLOR
        from composer_app.gui.generation.placement import part_index

        result_set = next((s for s in self.generation.strip.sets if s.set_id == view.set_id), None)
        if result_set is None or "family" not in result_set.settings or not view.parts:
            return
        tracks = self.document.song.tracks
        if part_index(tracks, view.parts[0]) is None:
            source = Placement(**result_set.settings["placement"]).track_index
            if source < len(tracks):
                self.editor.set_overlay({source: list(view.new_notes)}, OVERLAY_COLOR)

    def _failed(self, job, text: str) -> None:
        job.context.panel.set_busy(self._busy(job))
        job.context.panel.show_error(text)
