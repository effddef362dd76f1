"""Generation in a child process: the same call as generate(), with TensorFlow kept out of the caller's process.

The app runs its models here so that TensorFlow's import, graph tracing and sampling never hold the window's
interpreter lock (in-process, tracing a new batch shape stalled the event loop for ~100 ms). The child starts on
the first request, keeps its loaded bundles and traced graphs between requests, and is restarted if it dies.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from collections.abc import Callable

from composer_app.models.errors import GenerationCancelled, GenerationError

POLL_SECONDS = 0.02  # how often a waiting caller checks its cancel callback
QUIT_TIMEOUT_S = 2.0


class ModelProcessError(RuntimeError):
    """The model process failed in a way the user did not cause (a bug, or the process died)."""

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


class ModelProcess:
    """A lazily started child process that runs generation requests one at a time."""

    def __init__(self, nice: int = 5, threads: int = 1, use_xla: bool = False):
        self._options = (nice, threads, use_xla)
        self._process = None
        self._conn = None
        self._ids = itertools.count(1)
        self._lock = threading.Lock()  # one request at a time; close() may come from another thread
        self._send_lock = threading.Lock()  # a cancel and a quit may be sent from two threads at once
        self._closed = False

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def generate(self, request, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 status: Callable[[str | None], None] | None = None):
        """Run `request` in the child and return its GenerationResult.

        Raises what generate() raises for a user's mistake as GenerationError (same message),
        GenerationCancelled when `cancelled()` turns true, and ModelProcessError for anything else.
        `status(text)` hears "loading" messages, and `status(None)` once the model is ready.
        """
        with self._lock:
            if self._closed:
                raise GenerationCancelled("the model process is closed")
            conn = self._connection()
            job_id = next(self._ids)
            try:
                self._send(conn, ("generate", job_id, request))
            except OSError:
                self._forget_process()
                raise ModelProcessError("The model process stopped unexpectedly; generate again to restart it.") from None
            cancel_sent = False
            while True:
                if not cancel_sent and cancelled is not None and cancelled():
                    self._send(conn, ("cancel", job_id))
                    cancel_sent = True
                try:
                    if not conn.poll(POLL_SECONDS):
                        continue
                    message = conn.recv()
                except (EOFError, OSError):
                    self._forget_process()
                    if self._closed or cancel_sent:
                        raise GenerationCancelled("the model process was stopped") from None
                    raise ModelProcessError("The model process stopped unexpectedly; generate again to restart "
                                            "it.") from None
                kind, reply_id = message[0], message[1]
                if reply_id != job_id:
                    continue  # a late reply to an earlier, abandoned request
                if kind == "progress" and progress is not None:
                    progress(message[2], message[3])
                elif kind == "status" and status is not None:
                    status(message[2])
                elif kind == "result":
                    return message[2]
                elif kind == "cancelled":
                    raise GenerationCancelled("cancelled")
                elif kind == "user_error":
                    raise GenerationError(message[2], hint=message[3])
                elif kind == "bug":
                    raise ModelProcessError(f"Generation failed unexpectedly ({message[2]}).", message[3])

    def preload(self) -> None:
        """Start the process and have it import TensorFlow now, so the first generation starts sooner.

        Never waits: the app calls this on its UI thread, and if a request is already running (holding the
        lock while it waits on the child) the process is started anyway.
        """
        if not self._lock.acquire(blocking=False):
            return
        try:
            if self._closed or self.running:
                return
            self._send(self._connection(), ("preload",))
        except OSError:
            self._forget_process()
        finally:
            self._lock.release()

    def close(self) -> None:
        """Stop the child (at once if it is busy: a request in flight ends as cancelled)."""
        self._closed = True
        process, conn = self._process, self._conn
        if process is None:
            return
        try:
            self._send(conn, ("quit",))
        except (OSError, ValueError):
            pass
        process.join(QUIT_TIMEOUT_S if not self._lock.locked() else 0.1)
        if process.is_alive():
            process.kill()  # busy in TensorFlow's import or a long trace: nothing there is worth waiting for
            process.join(QUIT_TIMEOUT_S)
        if not self._lock.locked():
            self._forget_process()

    def _send(self, conn, message) -> None:
        with self._send_lock:
            conn.send(message)

    def _connection(self):
        if not self.running:
            self._forget_process()
            from composer_app.models.process.server import serve

            context = multiprocessing.get_context("spawn")  # fork would copy a threaded GUI process
            parent, child = context.Pipe(duplex=True)
            self._process = context.Process(target=serve, args=(child, *self._options), name="composer-models",
                                            daemon=True)
            self._process.start()
            child.close()
            self._conn = parent
        return self._conn

    def _forget_process(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except OSError:
                pass
        self._conn = None
        self._process = None


_SHARED: ModelProcess | None = None
_SHARED_LOCK = threading.Lock()


def shared_model_process() -> ModelProcess:
    """The app's one model process (every window shares its loaded models); closed when Python exits."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None or _SHARED._closed:
            import atexit

            _SHARED = ModelProcess(use_xla=_xla_wanted())
            atexit.register(_SHARED.close)
        return _SHARED


def close_shared_model_process() -> None:
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is not None:
            _SHARED.close()
            _SHARED = None


def _xla_wanted() -> bool:
    """XLA makes each later generation 2-3x faster but compiles for about a second per batch shape, competing with
    the window for the 2 cores; the app runs the plain graph unless COMPOSER_XLA=1."""
    import os

    return os.environ.get("COMPOSER_XLA") == "1"
