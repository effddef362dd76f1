"""Generation off the UI thread: QRunnable workers in a private QThreadPool, reporting only through signals.

Workers never touch widgets. Jobs run one at a time in submission order (the models share 2 cores), can be
cancelled while queued or running, and report progress, a status line, a result or a user-readable error.
The numpy engine runs in the worker's thread: its matrix products release the interpreter lock and its Python
steps are short, so the window keeps answering (benchmarks/bench_generation_gui.py measures the longest stall).
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from composer_app.gui.shell.i18n import error_text, tr


@dataclass(frozen=True)
class GenerationJob:
    job_id: int
    request: object  # an RNN GenerateRequest, or any request with run(progress, cancelled) (the MusicVAE tools)
    label: str
    context: object = None  # what the caller needs back with the result (target track, region, ...)
    status: str = ""  # the line shown while it runs (default "Generating {label}…")


class _WorkerSignals(QObject):
    status = Signal(int, str)
    progress = Signal(int, int, int)  # job id, steps done, steps total
    finished = Signal(int, object)  # job id, GenerationResult
    failed = Signal(int, str)
    cancelled = Signal(int)


# Workers stay referenced here from submission until their run() returns, whatever happens to the queue or
# window that started them, so Python never frees a QRunnable (or its signals) that a pool thread is running.
_ALIVE: set = set()
_ALIVE_LOCK = threading.Lock()


class GenerationWorker(QRunnable):
    """Runs one job on the numpy engine in the pool's thread and relays its progress, result or error as signals."""

    def __init__(self, job: GenerationJob, generate):
        super().__init__()
        self.job = job
        self.generate = generate  # generate(request, progress, cancelled), composer_app.models.rnn.generator
        self.signals = _WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)
        with _ALIVE_LOCK:
            _ALIVE.add(self)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            with _ALIVE_LOCK:
                _ALIVE.discard(self)

    def forget(self) -> None:
        """Drop the keep-alive reference of a worker that will never run (taken off the pool's queue)."""
        with _ALIVE_LOCK:
            _ALIVE.discard(self)

    def _run(self) -> None:
        from composer_app.errors import ComposerError, bug_summary, log_bug
        from composer_app.models.errors import GenerationCancelled

        job_id = self.job.job_id
        if self._cancel.is_set():
            self.signals.cancelled.emit(job_id)
            return

        self.signals.status.emit(job_id, self.job.status or tr("Generating {0}…").format(self.job.label))
        try:
            generate = self.generate
            if generate is None and hasattr(self.job.request, "run"):
                generate = _run_request
            elif generate is None:
                from composer_app.models.rnn.generator import generate
            result = generate(
                self.job.request, progress=lambda done, total: self.signals.progress.emit(job_id, done, total),
                cancelled=self._cancel.is_set)
        except GenerationCancelled:
            self.signals.cancelled.emit(job_id)
        except ComposerError as exc:
            self.signals.failed.emit(job_id, error_text(exc))  # Qt's translate is thread-safe
        except Exception as exc:
            log = log_bug(exc, f"generating {self.job.label}")
            self.signals.failed.emit(job_id, tr("Generation failed because of a bug ({0}){1}").format(
                bug_summary(exc), _details_at(log)))
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit(job_id)
            else:
                self.signals.finished.emit(job_id, result)


def _run_request(request, progress, cancelled):
    """A request that runs itself (a MusicVAE tool's): its run(progress, cancelled)."""
    return request.run(progress, cancelled)


def _details_at(log) -> str:
    return tr(" The details are in {0}.").format(log) if log else ""


class GenerationQueue(QObject):
    """Submits jobs to a one-thread pool and re-emits worker signals on the UI thread."""

    job_queued = Signal(object)  # GenerationJob
    job_started = Signal(int)
    status = Signal(int, str)
    progress = Signal(int, int, int)
    finished = Signal(object, object)  # GenerationJob, GenerationResult
    failed = Signal(object, str)
    cancelled = Signal(object)

    def __init__(self, parent: QObject | None = None, generate=None):
        """`generate` stands in for the engine's generate() (tests); None means the real one."""
        super().__init__(parent)
        self.generate = generate
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._workers: dict[int, GenerationWorker] = {}

    @property
    def busy(self) -> bool:
        return bool(self._workers)

    def job(self, job_id: int) -> GenerationJob | None:
        """The queued or running job of this id (None once it has ended)."""
        worker = self._workers.get(job_id)
        return worker.job if worker is not None else None

    def pending(self) -> list[GenerationJob]:
        return [w.job for w in self._workers.values()]

    def submit(self, request, label: str, context=None, status: str = "") -> GenerationJob:
        job = GenerationJob(next(self._ids), request, label, context, status)
        worker = GenerationWorker(job, self.generate)
        worker.signals.status.connect(self.status)
        worker.signals.progress.connect(self.progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self._workers[job.job_id] = worker
        self.job_queued.emit(job)
        self._pool.start(worker)
        return job

    def cancel(self, job_id: int | None = None) -> None:
        """Cancel one job, or all. The UI treats it as stopped at once; a running model stops at its next step."""
        ids = [job_id] if job_id is not None else list(self._workers)
        for i in ids:
            worker = self._workers.pop(i, None)
            if worker is None:
                continue
            worker.cancel()
            if self._pool.tryTake(worker):  # still queued: it will never run
                worker.forget()
            self.cancelled.emit(worker.job)

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Cancel everything and wait for the running job to stop (called when a window closes).

        A model stops at its next step, a few milliseconds away.
        """
        self.cancel()
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result) -> None:
        worker = self._retire(job_id)
        if worker is not None:
            self.finished.emit(worker.job, result)

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        worker = self._retire(job_id)
        if worker is not None:
            self.failed.emit(worker.job, message)

    @Slot(int)
    def _on_cancelled(self, job_id: int) -> None:
        worker = self._retire(job_id)
        if worker is not None:
            self.cancelled.emit(worker.job)

    def _retire(self, job_id: int) -> GenerationWorker | None:
        return self._workers.pop(job_id, None)
