"""The model process's side: receives generation requests over a pipe, runs them, and sends back progress and results.

It runs in a child process (see client.py), so TensorFlow's import, tracing and sampling never hold the
app's interpreter lock. One thread reads the pipe (so a cancel arrives while a model runs); the main thread runs
one request at a time.
"""

from __future__ import annotations

import functools
import os
import queue
import sys
import threading
import traceback

# Messages, parent to child: ("generate", job_id, request) | ("cancel", job_id) | ("preload",) | ("quit",)
# child to parent: ("status", job_id, text) | ("progress", job_id, done, total) | ("result", job_id, result)
#                  | ("cancelled", job_id) | ("user_error", job_id, message, hint) | ("bug", job_id, message, traceback)


def serve(conn, nice: int = 5, threads: int = 1, use_xla: bool = False) -> None:
    """Serve requests on `conn` until "quit" or until the parent goes away."""
    from composer_app.models.process.tf_setup import before_tensorflow_import

    before_tensorflow_import()
    if nice and hasattr(os, "nice"):
        try:
            os.nice(nice)  # the window's process wins the CPU when both want it
        except OSError:
            pass
    jobs: queue.Queue = queue.Queue()
    cancelled: set[int] = set()
    lock = threading.Lock()

    def read() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = ("quit",)
            if message[0] == "cancel":
                with lock:
                    cancelled.add(message[1])
            else:
                jobs.put(message)
            if message[0] == "quit":
                return

    threading.Thread(target=read, name="model-server-reader", daemon=True).start()
    while True:
        message = jobs.get()
        if message[0] == "quit":
            return
        if message[0] == "preload":
            _prepare(threads, use_xla)
            continue
        _, job_id, request = message
        try:
            _run(conn, job_id, request, lambda job=job_id: job in cancelled, threads, use_xla)
        except (BrokenPipeError, EOFError, OSError):
            return  # the parent is gone
        finally:
            with lock:
                cancelled.discard(job_id)


def _run(conn, job_id: int, request, is_cancelled, threads: int, use_xla: bool) -> None:
    if is_cancelled():
        conn.send(("cancelled", job_id))
        return
    try:
        from composer_app.errors import ComposerError
        from composer_app.models.errors import GenerationCancelled

        if "tensorflow" not in sys.modules:
            conn.send(("status", job_id, "Loading TensorFlow and the model (first generation only)…"))
        generation = _prepare(threads, use_xla)
        generation.resolve_bundle(request)  # loads (and caches) the bundle first, so the status line is true
        conn.send(("status", job_id, None))
        result = generation.generate(
            request, progress=lambda done, total: conn.send(("progress", job_id, done, total)),
            cancelled=is_cancelled)
    except GenerationCancelled:
        conn.send(("cancelled", job_id))
    except ComposerError as exc:  # the user's to fix: what happened and what to do, nothing more
        conn.send(("user_error", job_id, exc.summary, exc.hint))
    except (BrokenPipeError, EOFError):
        raise
    except Exception as exc:  # a bug, not the user's doing: the parent reports it plainly
        conn.send(("bug", job_id, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
    else:
        conn.send(("cancelled", job_id) if is_cancelled() else ("result", job_id, result))


@functools.cache
def _prepare(threads: int, use_xla: bool):
    """Import TensorFlow with the model process's settings, and the sampling code; once per process.

    Few compute threads: the models are small, and the window's process needs a core.
    """
    from composer_app.models.process.tf_setup import for_inference
    from composer_app.models.rnn import generator as generation

    for_inference(threads)
    generation.USE_XLA = use_xla
    return generation
