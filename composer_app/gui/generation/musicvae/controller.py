"""The MusicVAE tools in the generate-listen-keep loop: checkpoints load in the generation worker, each tool's
request runs there too, and its clips become a result set of the same strip, with the same Keep and audition.

Where clips land (ticks of the edited song): Sample and Interpolate at the bar of the first selected note, else
the playhead's bar, on the current track (a trio on its melody, bass and drum tracks); Groove rewrites the bars of
the selected drum notes, else the loop region, else the whole drum track, and leaves every other bar as it was.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QObject

from composer_app.errors import ComposerError
from composer_app.gui.generation.candidates_strip import CandidateView
from composer_app.gui.generation.controller import GenerationController, PrimerProblem
from composer_app.gui.generation.musicvae.clips import bars_value, parse_bars
from composer_app.gui.generation.musicvae.panel import GROOVE, INTERPOLATE, TOOLS, VARIATIONS, VaePanel, VaeSettings
from composer_app.gui.generation.placement import Placement
from composer_app.gui.shell.i18n import error_text, tr
from composer_app.music.song import Song, TempoChange, Track

MAX_LOADED = 2  # checkpoints kept in memory (Magenta's big ones are 0.5-2 GB each)


@dataclass(frozen=True)
class VaeJob:
    """A MusicVAE job's context: what it does and, for a tool, its settings and where its clips land."""

    action: str  # "load" or a tool
    settings: VaeSettings | None = None
    placement: Placement | None = None


def _bar_floor(tick: int, bar: int) -> int:
    return tick - tick % bar


class VaeController(QObject):
    """Turns the VAE panel's requests into jobs on the generation queue and their results into result sets."""

    def __init__(self, window, panel: VaePanel, generation: GenerationController):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.editor = window.editor
        self.panel = panel
        self.generation = generation
        self.queue = generation.queue
        self.loaded: dict = {}  # path -> LoadedVae, newest last
        panel.open_requested.connect(self.open_checkpoint)
        panel.shipped_requested.connect(self._shipped_chosen)
        panel.config_chosen.connect(self._choose_config)
        panel.run_requested.connect(self.run)
        panel.cancel_requested.connect(self.cancel)
        panel.scrubbed.connect(self._scrub)
        panel.clips.capture_requested.connect(self._capture_bars)
        self._path_views: list[CandidateView] = []  # the last interpolation's clips, from A to B
        self.queue.status.connect(lambda job, text: self._mine(job) and panel.show_status(text))
        self.queue.progress.connect(lambda job, done, total: self._mine(job) and panel.show_progress(done, total))
        self.queue.finished.connect(lambda job, result: self._mine(job) and self._on_finished(job, result))
        self.queue.failed.connect(lambda job, message: self._mine(job) and self._on_failed(message))
        self.queue.cancelled.connect(lambda job: self._mine(job) and panel.set_busy(self._busy()))
        for signal in (self.document.state_changed, self.document.song_replaced, self.document.current_track_changed):
            signal.connect(self._update_tracks)
        self._update_tracks()

    def _mine(self, job) -> bool:
        if isinstance(job, int):
            job = self.queue.job(job)
        return job is not None and isinstance(job.context, VaeJob)

    def _busy(self) -> bool:
        return any(isinstance(j.context, VaeJob) for j in self.queue.pending())

    def _update_tracks(self, *_args) -> None:
        self.panel.set_tracks([t.name for t in self.document.song.tracks], self.document.current_track)

    def _capture_bars(self, name: str) -> None:
        """The selected notes' bars (on the current track) become the named interpolation end."""
        song, index = self.document.song, self.document.current_track
        if not song.tracks:
            self.panel.clips.forget_bars(name)
            return
        track = song.tracks[index]
        selection = self._selection(track)
        if not selection:
            self.panel.clips.forget_bars(name)
            self.panel.show_error(tr("Select the notes of the clip first: the bars they start in become the clip."))
            return
        bar = song.time_signature.ticks_per_bar
        origin = _bar_floor(min(n.start for n in selection), bar)
        self.panel.clips.set_bars(name, bars_value(index, origin),
                                  tr("From bar {0} of {1}").format(origin // bar + 1, track.name))

    # -- checkpoints ------------------------------------------------------------------------------
    def open_checkpoint(self, path: str, config_id: str | None = None):
        """Load a checkpoint in the worker; it appears in the panel's picker when read. Returns the job.

        A shipped checkpoint (chosen in the list, or opened by its path) loads as the config it is named after."""
        from composer_app.models.musicvae.shipped import shipped_config_of
        from composer_app.models.musicvae.studio import LoadRequest, checkpoint_name

        name = checkpoint_name(path)
        request = LoadRequest(str(path), config_id or shipped_config_of(path))
        job = self.queue.submit(request, name, VaeJob("load"), tr("Loading {0}…").format(name))
        self.panel.set_busy(True)
        self.panel.show_waiting(tr("Loading {0}…").format(name))
        return job

    def _shipped_chosen(self, path: str, config_id: str) -> None:
        """A shipped checkpoint chosen in the list: loaded the first time (and again once let go of memory)."""
        if path not in self.loaded:
            self.open_checkpoint(path, config_id)

    def _choose_config(self, path: str, config_id: str) -> None:
        loaded = self.loaded.get(path)
        if loaded is not None:
            try:
                self.loaded[path] = loaded.with_config(config_id)
            except ComposerError as exc:
                self.panel.show_error(error_text(exc))

    def cancel(self) -> None:
        for job in self.queue.pending():
            if isinstance(job.context, VaeJob):
                self.queue.cancel(job.job_id)
        self.panel.set_busy(False)
        self.panel.show_status(tr("Cancelled."))

    # -- running a tool ---------------------------------------------------------------------------
    def run(self, settings: VaeSettings):
        """Queue one tool run; returns its job, or None after showing why it cannot run."""
        loaded = self.loaded.get(settings.path)
        if loaded is None:
            self.panel.show_error(tr("Open a MusicVAE checkpoint first."))
            return None
        try:
            request, placement = self._request(settings, loaded)
        except ComposerError as exc:
            self.panel.show_error(error_text(exc))
            return None
        tool_text = tr(dict(TOOLS)[settings.tool])
        # Kept hits leave nothing to draw, so temperature and seed would say nothing.
        parts = [loaded.config.id, tool_text] + ([tr("hits kept")] if settings.keep_hits else [
            tr("T {0:g}").format(settings.temperature), tr("seed {0}").format(settings.seed)])
        if settings.tool == VARIATIONS:
            parts.insert(2, tr("similarity {0:g}").format(settings.similarity))
        label = " · ".join(parts)
        job = self.queue.submit(request, label, VaeJob(settings.tool, settings, placement))
        self.panel.set_busy(True)
        self.panel.show_status(tr("Queued: {0}").format(label))
        return job

    def _request(self, s: VaeSettings, loaded):
        from composer_app.models.musicvae.studio import (
            GrooveRequest,
            InterpolateRequest,
            SampleRequest,
            VariationsRequest,
        )

        song = self.document.song
        if not song.tracks:
            raise PrimerProblem(tr("Add a track first: generated music goes into the current track."))
        if s.tool == GROOVE:
            placement, drums, bars = self._groove_span(loaded)
            # Kept hits decode one groove (z = mu, no draws): more clips would be copies of it.
            outputs = 1 if s.keep_hits else s.num_outputs
            return GrooveRequest(loaded, drums, bars, s.temperature, s.seed, song.qpm, outputs,
                                 s.keep_hits), placement
        placement = self._clip_placement(loaded)
        if s.tool == INTERPOLATE:
            a, b = (self._clip(loaded, index, placement.origin) for index in (s.track_a, s.track_b))
            return InterpolateRequest(loaded, a, b, max(2, s.num_outputs), s.temperature, s.seed, song.qpm,
                                      s.pitches), placement
        if s.tool == VARIATIONS:
            clip = self._clip(loaded, -1, placement.origin)
            return VariationsRequest(loaded, clip, s.num_outputs, s.similarity, s.temperature, s.seed,
                                     song.qpm, s.pitches), placement
        return SampleRequest(loaded, s.num_outputs, s.temperature, s.seed, song.qpm, s.pitches), placement

    def _selection(self, track: Track) -> list:
        notes = set(track.notes)
        return [n for n in self.editor.state.selection if n in notes] if hasattr(self.editor, "state") else []

    def _clip_placement(self, loaded) -> Placement:
        from composer_app.models.musicvae.studio import STEP_TICKS

        song, index = self.document.song, self.document.current_track
        kind = loaded.config.kind
        if kind != "trio" and (kind != "melody") != song.tracks[index].is_drum:
            # The first track of the model's kind instead: a class need not know which track is selected.
            fitting = [k for k, t in enumerate(song.tracks) if t.is_drum == (kind != "melody")]
            if not fitting:
                raise PrimerProblem(tr("{0} writes to a drum track; add one in the track list.").format(
                    loaded.config.id) if kind != "melody" else
                    tr("{0} writes to a melody (non-drum) track; add one in the track list.").format(loaded.config.id))
            index = fitting[0]
        track = song.tracks[index]
        bar = song.time_signature.ticks_per_bar
        selection = self._selection(track)
        start = min(n.start for n in selection) if selection else getattr(self.editor, "playhead", 0)
        origin = _bar_floor(start, bar)
        end = origin + loaded.clip_steps * STEP_TICKS
        return Placement(index, origin, origin, end, False, track.name)

    def _groove_span(self, loaded) -> tuple[Placement, Track, int]:
        song, index = self.document.song, self.document.current_track
        track = song.tracks[index]
        if not track.is_drum:
            raise PrimerProblem(tr("Groove works on a drum track; select one in the track list."))
        if any((ts.numerator, ts.denominator) != (4, 4) for ts in song.time_signatures):
            raise PrimerProblem(tr("GrooVAE plays 4/4 only, and this song has another metre."))
        bar = song.time_signature.ticks_per_bar
        selection = self._selection(track)
        loop = getattr(self.editor, "loop_region", None)
        if selection:
            start, end = min(n.start for n in selection), max(n.end for n in selection)
        elif loop:
            start, end = loop
        else:
            start, end = 0, max((n.end for n in track.notes), default=0)
        start, end = _bar_floor(start, bar), _bar_floor(end + bar - 1, bar)
        if end <= start or not any(start <= n.start < end for n in track.notes):
            raise PrimerProblem(tr("There are no drum notes to groove: draw some, or select the bars to groove."))
        drums = track.with_notes(n.moved(-start) for n in track.notes if start <= n.start < end)
        return Placement(index, start, start, end, True, track.name), drums, (end - start) // bar

    def _clip(self, loaded, index: int | str, origin: int) -> Song:
        """A clip of the config's bars from a track at `origin` (or a file's first bars), as a song the converter
        reads."""
        from composer_app.models.musicvae.studio import STEP_TICKS

        captured = parse_bars(index)
        if captured is not None:
            index, origin = captured
        elif isinstance(index, str):
            return self._file_clip(loaded, index)
        song = self.document.song
        index = self.document.current_track if index < 0 else index
        track = song.tracks[index]
        end = origin + loaded.clip_steps * STEP_TICKS
        notes = [n.moved(-origin) for n in track.notes if origin <= n.start < end]
        if not notes:
            raise PrimerProblem(tr("Track {0} has no notes in the {1} bars from bar {2}: the clip needs music "
                                   "there.").format(index + 1, loaded.config.slice_bars,
                                                    origin // song.time_signature.ticks_per_bar + 1))
        return Song(tracks=(track.with_notes(notes),), tempos=(TempoChange(0, song.qpm),))

    def _file_clip(self, loaded, path: str) -> Song:
        """A music file's first bars, all its parts (the converter takes the melody, drums or trio it needs)."""
        from composer_app.gui.shell.busy import run_busy
        from composer_app.models.musicvae.studio import STEP_TICKS
        from composer_app.music.io import read_song

        song = run_busy(self.window, tr("Reading {0}…").format(path), lambda: read_song(path))
        end = loaded.clip_steps * STEP_TICKS
        tracks = tuple(t.with_notes(n for n in t.notes if n.start < end) for t in song.tracks)
        if not any(t.notes for t in tracks):
            raise PrimerProblem(tr("{0} has no notes in its first {1} bars.").format(path, loaded.config.slice_bars))
        return Song(tracks=tracks, tempos=(TempoChange(0, self.document.song.qpm),))

    # -- results ------------------------------------------------------------------------------------
    def _on_failed(self, message: str) -> None:
        self.panel.set_busy(self._busy())
        self.panel.show_error(message)

    def _on_finished(self, job, result) -> None:
        self.panel.set_busy(self._busy())
        context: VaeJob = job.context
        if context.action == "load":
            return self._loaded(result)
        placement = context.placement
        vae = dataclasses.asdict(context.settings)
        vae["pitches"] = None if vae["pitches"] is None else sorted(vae["pitches"])  # JSON has no sets
        settings = {"vae": vae, "placement": dataclasses.asdict(placement)}
        result_set = self.generation.add_result_set(
            job.label, lambda set_id: self._views(set_id, result, context), settings)
        if context.action == INTERPOLATE:
            self._path_views = list(result_set.candidates)
            self.panel.show_scrub(len(self._path_views))
        text = tr("%n clip(s): click one to hear it in the song, Keep the one you like.", "",
                  len(result_set.candidates))
        self.panel.show_status(text + (" " + result.notes if result.notes else ""))
        self.panel.show_progress(1, 1)

    def _scrub(self, point: int) -> None:
        """A point along the last interpolation: shown over the roll and heard in the song, ready to Keep."""
        if 0 <= point < len(self._path_views):
            self.generation.audition(self._path_views[point])

    def _loaded(self, loaded) -> None:
        self.loaded.pop(loaded.path, None)
        self.loaded[loaded.path] = loaded
        while len(self.loaded) > MAX_LOADED:
            self.loaded.pop(next(iter(self.loaded)))
        self.panel.add_checkpoint(loaded.path, loaded.config.kind, loaded.config.id, loaded.alike)
        self.panel.show_progress(1, 1)
        text = tr("Loaded {0} as {1}.").format(loaded.path.rstrip("/").split("/")[-1], loaded.config.id)
        if loaded.alike:
            text += " " + tr("Its tensors fit {0} alike: choose the config it was trained as.").format(
                ", ".join(loaded.alike))
        self.panel.show_status(text)

    def _views(self, set_id: int, result, context: VaeJob) -> list[CandidateView]:
        placement, s = context.placement, context.settings
        views = []
        total = len(result.songs)
        for k, song in enumerate(result.songs):
            parts = tuple(t.with_notes(_placed(t.notes, placement)) for t in song.tracks)
            new_notes = tuple(sorted(n for t in parts for n in t.notes))
            interpolating = context.action == INTERPOLATE
            caption = tr("A → B, {0} of {1}").format(k + 1, total) if interpolating \
                else tr("hits kept") if s.keep_hits else ""
            drawn = not (interpolating or s.keep_hits)
            views.append(CandidateView(
                set_id, k, song, new_notes, 0, caption, all(t.is_drum for t in song.tracks),
                seed=s.seed if drawn else None, temperature=s.temperature if drawn else None,
                parts=parts if len(parts) > 1 else ()))
        return views


def _placed(notes, placement: Placement) -> list:
    """A clip's notes moved to their place in the song and cut at its end, so nothing after it is touched."""
    out = []
    for n in notes:
        start = n.start + placement.origin
        if start < placement.end:
            out.append(dataclasses.replace(n, start=start, duration=max(1, min(n.end + placement.origin,
                                                                               placement.end) - start)))
    return out

