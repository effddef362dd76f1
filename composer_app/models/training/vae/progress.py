"""MusicVAE training's progress as the JSON-line records of `composer-app train --progress-json` (what the app's
Training panel reads for the event RNNs too): reading, read, training with figures, writing."""

from __future__ import annotations

import math
import time

from composer_app.said import Said, to_plain

REPORT_EVERY = 10  # steps averaged into one training record at most,
REPORT_SECONDS = 1.0  # or as many as this time holds (a step of Magenta's size takes seconds: each is shown)
STEP_KEYS = ("loss", "r_loss", "kl_bits", "accuracy")  # averaged over a record's steps
# The said() templates of train_vae's messages that mark a phase; any other message is one of training's.
READING = "read {done}/{total} files"
READ = "{train} training and {held} held-out windows from {files} file(s)"
WRITING = "writing {path}"


def figures_record(figures: dict) -> dict:
    """A StepFigures' values (as train_vae logs them) as the chart's record: held-out ones under eval_ names."""
    record = {k: v for k, v in figures.items()
              if k != "held_out" and v is not None and not (isinstance(v, float) and math.isnan(v))}
    if not figures.get("held_out"):
        return record
    held = {"step": record.pop("step", 0)}
    for key in STEP_KEYS:
        if key in record:
            held["eval_" + key] = record[key]
    if "r_loss" in record and "kl_bits" in record:
        held["eval_elbo"] = -(record["r_loss"] + record["kl_bits"] * math.log(2.0))  # nats per window
    return held


class ProgressRecords:
    """Turns what train_vae reports (said() text or StepFigures) into records; steps come averaged, at most one
    record every REPORT_EVERY steps unless REPORT_SECONDS passed, so that tiny fast networks do not flood the app."""

    def __init__(self, total_steps: int, clock=time.monotonic):
        self.total_steps = total_steps
        self.clock = clock
        self.started = clock()  # reset when reading ends: the time limit counts training, not reading
        self.step = 0
        self._window: list = []
        self._window_start: float | None = None  # None before the first step: its time is TensorFlow's start-up
        self._last = None  # the last record's rate, for the held-out records

    def _base(self, phase: str, message: object = "", **values) -> dict:
        record = {"phase": phase, "step": self.step, "total_steps": self.total_steps, "files_done": 0,
                  "files_total": 0, "message": str(message), **values}
        if isinstance(message, Said):
            record["said"] = to_plain(message)  # the app shows it in the user's language
        return record

    def feed(self, item) -> list[dict]:
        """The records for one progress item (none while steps are being averaged)."""
        if hasattr(item, "held_out"):
            return self._figures(item)
        template = getattr(item, "template", None)
        values = getattr(item, "values", {})
        records = self.flush()
        if template == READING:
            records.append(self._base("reading", item, files_done=values["done"], files_total=values["total"]))
        elif template == READ:
            self.started = self.clock()
            records.append(self._base("read", item, files_done=values["files"], files_total=values["files"]))
        elif template == WRITING:
            records.append(self._base("writing", item))
        else:  # resumed at step N, time limit reached
            self.step = values.get("step", self.step)
            if template is not None and template.startswith("resumed"):
                self.started = self.clock()
            records.append(self._base("training", item))
        return records

    def _figures(self, figures) -> list[dict]:
        values = {k: getattr(figures, k) for k in ("step", *STEP_KEYS, "beta", "learning_rate", "held_out")}
        if figures.held_out:
            record = {**figures_record(values), **self._timing(0)}
            return [*self.flush(), self._base("training", metrics=record)]
        self.step = figures.step
        self._window.append(values)
        now = self.clock()
        due = (self._window_start is None or len(self._window) >= REPORT_EVERY or figures.step >= self.total_steps
               or now - self._window_start >= REPORT_SECONDS)
        return self.flush() if due else []

    def _timing(self, steps: int) -> dict:
        now = self.clock()
        timing = {"elapsed_s": now - self.started}
        if steps and self._window_start is not None and now > self._window_start:
            timing["steps_per_sec"] = steps / (now - self._window_start)
        elif self._last and "steps_per_sec" in self._last:
            timing["steps_per_sec"] = self._last["steps_per_sec"]
        return timing

    def flush(self) -> list[dict]:
        """The steps averaged so far as one record (none when there are none)."""
        if not self._window:
            return []
        window, self._window = self._window, []
        last = window[-1]
        record = {"step": last["step"], "beta": last["beta"], "learning_rate": last["learning_rate"]}
        for key in STEP_KEYS:
            record[key] = sum(w[key] for w in window) / len(window)
        record = {**figures_record(record), **self._timing(len(window))}
        self._window_start = self.clock()
        self._last = record
        return [self._base("training", metrics=record)]
