"""The model process: same music as in-process generation, errors and cancels carried back, crashes survived."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from composer_app.models.errors import GenerationCancelled, GenerationError
from composer_app.models.process.client import ModelProcess, ModelProcessError
from composer_app.models.rnn.generator import generate
from composer_app.models.rnn.requests import GenerateRequest
from tests.models.conftest import fixture_bundle_path

ROOT = Path(__file__).resolve().parents[3]


def _request(**changes) -> GenerateRequest:
    fields = dict(config_id="attention_rnn", total_steps=48, primer=(60, -2, 62, -2),
                  bundle=str(fixture_bundle_path("attention_rnn")), num_outputs=3, seed=11)
    fields.update(changes)
    return GenerateRequest(**fields)


@pytest.fixture(scope="module")
def models():
    process = ModelProcess(nice=0)
    yield process
    process.close()
    assert not process.running


def test_same_seed_gives_the_same_music_as_in_process(models, monkeypatch):
    """A request run in the child returns exactly the candidates generate() returns here."""
    import composer_app.models.rnn.generator as generation

    monkeypatch.setattr(generation, "USE_XLA", False)  # as the child runs; the music is the same either way
    steps = []
    remote = models.generate(_request(), progress=lambda done, total: steps.append((done, total)))
    local = generate(_request())
    assert [c.events for c in remote.candidates] == [c.events for c in local.candidates]
    assert [c.song for c in remote.candidates] == [c.song for c in local.candidates]
    assert steps and steps[-1][0] == steps[-1][1]


def test_status_says_loading_then_ready():
    """A fresh process reports that it is loading, then that the model is ready (None)."""
    process = ModelProcess(nice=0)
    try:
        heard = []
        process.generate(_request(num_outputs=1), status=heard.append)
        assert heard[0].startswith("Loading TensorFlow") and heard[-1] is None
    finally:
        process.close()


def test_user_errors_come_back_with_their_message(models):
    """A primer longer than the request and a missing bundle raise GenerationError with the core's message."""
    with pytest.raises(GenerationError, match="primer is 4 steps long"):
        models.generate(_request(total_steps=3))
    with pytest.raises(GenerationError, match="no such file"):
        models.generate(_request(bundle="/nowhere/missing.mag"))
    assert models.generate(_request(num_outputs=1)).candidates  # still serving


def test_cancel_stops_a_long_request(models):
    """Cancelling a long generation ends it with GenerationCancelled well before it would have finished."""
    models.generate(_request(total_steps=64, num_outputs=8))  # traced at this batch size
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    start = time.perf_counter()
    with pytest.raises(GenerationCancelled):
        models.generate(_request(total_steps=20000, num_outputs=8), cancelled=stop.is_set)
    assert time.perf_counter() - start < 5.0
    assert models.generate(_request(num_outputs=1)).candidates


def test_a_killed_process_is_reported_and_restarted(models):
    """If the child dies mid-request the caller gets ModelProcessError, and the next request starts a new one."""
    models.generate(_request(num_outputs=1))
    pid = models._process.pid
    threading.Timer(0.3, lambda: os.kill(pid, signal.SIGKILL)).start()
    with pytest.raises(ModelProcessError, match="stopped unexpectedly"):
        models.generate(_request(total_steps=20000, num_outputs=8))
    assert models.generate(_request(num_outputs=1)).candidates
    assert models._process.pid != pid


def test_close_during_a_request_ends_it_as_cancelled():
    """Closing the process (the app quitting) ends a waiting request at once instead of hanging."""
    process = ModelProcess(nice=0)
    process.generate(_request(num_outputs=1))
    threading.Timer(0.3, process.close).start()
    start = time.perf_counter()
    with pytest.raises(GenerationCancelled):
        process.generate(_request(total_steps=20000, num_outputs=8))
    assert time.perf_counter() - start < 5.0
    assert not process.running


def test_the_calling_process_never_imports_tensorflow():
    """Generating through the model process leaves TensorFlow out of the caller (the app's window process)."""
    code = (
        "import sys\n"
        "from composer_app.models.rnn.requests import GenerateRequest\n"
        "from composer_app.models.process.client import ModelProcess\n"
        "from tests.models.conftest import fixture_bundle_path\n"
        "if __name__ == '__main__':\n"
        "    p = ModelProcess()\n"
        "    r = p.generate(GenerateRequest('basic_rnn', 32, primer=(60,), bundle=str(fixture_bundle_path('basic_rnn'))))\n"
        "    p.close()\n"
        "    print(len(r.candidates), 'tensorflow' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "False"]


def test_preload_imports_tensorflow_before_the_first_request():
    """After preload() the first request finds TensorFlow loaded: it never reports "Loading"."""
    process = ModelProcess(nice=0)
    try:
        process.preload()
        assert process.running
        heard = []
        process.generate(_request(num_outputs=1), status=heard.append)
        assert heard == [None]
    finally:
        process.close()


def test_preload_never_waits_for_a_running_request():
    """preload() called while a request runs (the app's UI thread, mid-generation) returns at once."""
    process = ModelProcess(nice=0)
    try:
        process.generate(_request(num_outputs=1))
        stop = threading.Event()
        worker = threading.Thread(target=lambda: pytest.raises(
            GenerationCancelled, process.generate, _request(total_steps=20000, num_outputs=8), cancelled=stop.is_set))
        worker.start()
        time.sleep(0.3)
        start = time.perf_counter()
        process.preload()
        assert time.perf_counter() - start < 0.1
        stop.set()
        worker.join(10)
        assert not worker.is_alive()
    finally:
        process.close()
