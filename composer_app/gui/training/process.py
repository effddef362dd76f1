"""Training in a child process: `composer-app train` itself (one trainer, two faces), run at a lower priority.

The child prints its progress as JSON lines (`--progress-json`); Pause and Cancel create its `--stop-file`, on
which the trainer saves a checkpoint and stops, so the same run folder resumes later (after an app restart too).
Everything is signal-driven (QProcess), so the window never waits on TensorFlow.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QProcess, QProcessEnvironment, QTimer, Signal
from PySide6.QtWidgets import QWidget

import composer_app
from composer_app.said import from_plain, said

CHILD_NICE = 10  # below the window, so that drawing and playing stay smooth while TensorFlow takes the cores
METRICS_NAME = "metrics.jsonl"
DONE, STOPPED, FAILED = "done", "stopped", "failed"  # how a child ended (TrainingProcess.ended)
STOP_WAIT_MS = 30_000  # a clean stop saves a checkpoint first; after this the child is killed


@dataclass(frozen=True)
class TrainingChoice:
    """What the user asked the Training panel for; saved as it is so that a paused run resumes after a restart."""

    config_id: str
    inputs: tuple[str, ...]
    output: str
    steps: int = 1000
    minutes: float | None = None  # a time budget instead of (within) the step count
    hparams: str = ""
    init_from: str = ""  # a .mag bundle whose training continues
    eval_every: int = 100
    checkpoint_every: int = 100
    eval_ratio: float = 0.1
    infer_chords: bool = False  # Improv RNN: chords from a file's other parts where it has no chord symbols
    window: int = 0  # event RNNs: learn from windows of this many events (0: whole pieces, as Magenta)
    extra: tuple[str, ...] = field(default=())  # further `train` options (tests pass small report intervals)

    @property
    def run_dir(self) -> Path:
        out = Path(self.output)
        return out.with_name(out.stem + ".run")

    @property
    def metrics_path(self) -> Path:
        return self.run_dir / METRICS_NAME

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(data) -> TrainingChoice | None:
        """A saved choice, or None when what was saved is not one (an older or edited settings file)."""
        if not isinstance(data, dict):
            return None
        try:
            values = dict(data)
            values["inputs"] = tuple(str(p) for p in values.get("inputs", ()))
            values["extra"] = tuple(str(p) for p in values.get("extra", ()))
            return TrainingChoice(**values)
        except (TypeError, ValueError):
            return None

    def arguments(self, stop_file: Path, restart: bool = False) -> list[str]:
        """The `composer-app train` arguments for this choice."""
        args = ["train", "--config", self.config_id, "--output", self.output, "--steps", str(self.steps),
                "--eval-ratio", str(self.eval_ratio), "--eval-every", str(self.eval_every),
                "--checkpoint-every", str(self.checkpoint_every), "--log-metrics", str(self.metrics_path),
                "--stop-file", str(stop_file), "--progress-json", "--quiet", "--nice", str(CHILD_NICE)]
        for folder in self.inputs:
            args += ["--input", folder]
        if self.minutes:
            args += ["--max-minutes", f"{self.minutes:g}"]
        if self.hparams:
            args += ["--hparams", self.hparams]
        if self.init_from:
            args += ["--init-from", self.init_from]
        if self.infer_chords:
            args.append("--infer-chords")
        if self.window:
            args += ["--window", str(self.window)]
        if restart:
            args.append("--restart")
        return args + list(self.extra)


def has_checkpoint(choice: TrainingChoice) -> bool:
    """True when an earlier run of this choice saved a checkpoint, so Start resumes it."""
    return (choice.run_dir / "checkpoints" / "checkpoint").is_file()


def child_command(arguments: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that run `composer-app` with these arguments: this very interpreter and code."""
    if getattr(sys, "frozen", False):
        return sys.executable, arguments  # the packaged app runs a command when given one
    return sys.executable, ["-m", "composer_app", *arguments]


class TrainingProcess(QObject):
    """One training child. Signals carry the child's JSON records; `ended(outcome, detail)` says how it ended:
    "done" (detail: the result record), "stopped" (a checkpoint was kept) or "failed" (detail: the error line)."""

    record = Signal(dict)
    ended = Signal(str, object)

    def __init__(self, choice: TrainingChoice, parent: QObject | None = None):
        super().__init__(parent)
        self.choice = choice
        self._folder = Path(tempfile.mkdtemp(prefix="composer-train-"))
        self.stop_file = self._folder / "stop"
        self._buffer = b""
        self._errors = b""
        self._result: dict | None = None
        self._failure: dict | None = None  # the trainer's error record: its text in translatable form
        self._stopped = False
        self.process = QProcess(self)
        self.process.readyReadStandardOutput.connect(self._read_output)
        self.process.readyReadStandardError.connect(self._read_errors)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)

    def start(self, restart: bool = False) -> None:
        program, args = child_command(self.choice.arguments(self.stop_file, restart))
        env = QProcessEnvironment.systemEnvironment()
        if not getattr(sys, "frozen", False):
            # The child imports the same composer_app as the app, wherever it was started from.
            root = str(Path(composer_app.__file__).resolve().parent.parent)
            env.insert("PYTHONPATH", os.pathsep.join(p for p in (root, env.value("PYTHONPATH")) if p))
        env.insert("PYTHONUNBUFFERED", "1")
        env.insert("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's start-up chatter is not the user's business
        self.process.setProcessEnvironment(env)
        self.process.start(program, args)

    def is_running(self) -> bool:
        return self.process.state() != QProcess.NotRunning

    def stop(self) -> None:
        """Ask the trainer to save a checkpoint and stop (Pause and Cancel both keep the last checkpoint)."""
        self._stopped = True
        try:
            self.stop_file.touch()
        except OSError:
            self.process.kill()  # no stop file possible: the last periodic checkpoint is what stays

    def stop_and_wait(self, timeout_ms: int = STOP_WAIT_MS, waiting: QWidget | None = None) -> None:
        """Stop, and wait for the child to end (closing the window); killed after `timeout_ms`.

        The wait runs the event loop, so the window keeps painting; `waiting` (a progress dialog) is shown
        meanwhile and closed after.
        """
        if not self.is_running():
            return
        self.stop()
        loop = QEventLoop()
        self.process.finished.connect(loop.quit)
        give_up = QTimer(singleShot=True, interval=timeout_ms, timeout=loop.quit)
        give_up.start()
        if waiting is not None:
            waiting.show()
        if self.is_running():  # it may have ended while the stop file was written
            loop.exec()
        give_up.stop()
        self.process.finished.disconnect(loop.quit)
        if waiting is not None:
            waiting.close()
        if self.is_running():
            self.process.kill()
            self.process.waitForFinished(2000)

    def _read_output(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                record = json.loads(line.decode("utf-8", "replace"))
            except ValueError:
                continue  # anything else the child prints is not progress
            if not isinstance(record, dict):
                continue
            if record.get("phase") == "result":
                self._result = record
            elif record.get("phase") == "error":
                self._failure = record
            self.record.emit(record)

    def _read_errors(self) -> None:
        self._errors = (self._errors + bytes(self.process.readAllStandardError()))[-20000:]

    def failure(self) -> str:
        """Why the child failed: its error record's text (said() text, translatable, with the hint), else the
        one-line error it printed, else its exit status."""
        if self._failure is not None:
            what, hint = from_plain(self._failure.get("said")), from_plain(self._failure.get("hint") or "")
            return said("{what}. {todo}").format(what=what, todo=hint) if hint else what
        return self.error_line() or said("exit status {code}").format(code=self.process.exitCode())

    def error_line(self) -> str:
        """The child's one-line error (`composer-app: error: ...`), or the last thing it printed."""
        lines = [ln.strip() for ln in self._errors.decode("utf-8", "replace").splitlines() if ln.strip()]
        for line in reversed(lines):
            if line.startswith("composer-app:"):
                return line.split(":", 1)[1].strip().removeprefix("error:").strip()
        return lines[-1] if lines else ""

    def _finished(self, code: int, _status) -> None:
        self._read_output()
        self._read_errors()
        self._cleanup()
        if code == 0 and self._result is not None:
            self.ended.emit(DONE, self._result)
        elif self._stopped and code in (0, 130):
            self.ended.emit(STOPPED, None)
        else:
            self.ended.emit(FAILED, self.failure())

    def _error(self, error) -> None:
        if error == QProcess.FailedToStart:
            self._cleanup()
            self.ended.emit(FAILED, self.process.errorString())

    def _cleanup(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)
