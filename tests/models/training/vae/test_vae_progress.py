"""MusicVAE training's progress records, the protocol the app's Training panel reads: phases from train_vae's
messages, step figures averaged so that a fast tiny network does not flood the app, held-out figures by name."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from composer_app.models.training.vae.progress import REPORT_EVERY, ProgressRecords, figures_record
from composer_app.said import said


@dataclass
class Figures:
    """What train_vae reports for a step (StepFigures' fields, without importing the trainer)."""

    step: int
    loss: float
    r_loss: float = 1.0
    kl_bits: float = 2.0
    beta: float = 0.1
    accuracy: float = 0.5
    learning_rate: float = 0.001
    held_out: bool = False


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_fast_steps_are_averaged_and_the_first_is_shown_at_once():
    """The first step is a record of its own (no rate: its time is TensorFlow's start); later fast steps come
    REPORT_EVERY to a record, their loss averaged and their rate measured."""
    clock = Clock()
    records = ProgressRecords(100, clock)
    assert records.feed(said("{train} training and {held} held-out windows from {files} file(s)").format(
        train=8, held=2, files=5))[0]["phase"] == "read"
    clock.now += 30
    (first,) = records.feed(Figures(1, 9.0))
    assert first["metrics"]["step"] == 1 and "steps_per_sec" not in first["metrics"]
    out = []
    for step in range(2, 2 + REPORT_EVERY):
        clock.now += 0.01
        out += records.feed(Figures(step, float(step)))
    (record,) = out
    metrics = record["metrics"]
    assert metrics["step"] == 1 + REPORT_EVERY and metrics["loss"] == pytest.approx(sum(range(2, 12)) / 10)
    assert metrics["steps_per_sec"] == pytest.approx(100.0) and metrics["elapsed_s"] == pytest.approx(30.1)
    assert record["phase"] == "training" and record["total_steps"] == 100


def test_slow_steps_are_each_shown_and_a_message_flushes_the_window():
    """A step that takes over REPORT_SECONDS is a record at once; a held-out figure first sends the steps before
    it, under eval_ names with the ELBO; the last step is never held back."""
    clock = Clock()
    records = ProgressRecords(4, clock)
    records.feed(Figures(1, 5.0))
    clock.now += 10
    assert [r["metrics"]["step"] for r in records.feed(Figures(2, 4.0))] == [2]
    clock.now += 0.1
    assert records.feed(Figures(3, 3.0)) == []
    train, held = records.feed(Figures(3, 2.5, held_out=True))
    assert train["metrics"]["step"] == 3 and held["metrics"]["eval_loss"] == 2.5 and "loss" not in held["metrics"]
    assert held["metrics"]["eval_elbo"] < 0 and held["metrics"]["steps_per_sec"] > 0
    assert [r["metrics"]["step"] for r in records.feed(Figures(4, 1.0))] == [4]


def test_messages_become_phases_with_their_said_template():
    """Reading counts files, resuming sets the step, writing names the file; each keeps its said() form."""
    records = ProgressRecords(10, Clock())
    (reading,) = records.feed(said("read {done}/{total} files").format(done=3, total=7))
    assert (reading["phase"], reading["files_done"], reading["files_total"]) == ("reading", 3, 7)
    (resumed,) = records.feed(said("resumed at step {step}").format(step=6))
    assert resumed["phase"] == "training" and resumed["step"] == 6 and resumed["said"]["values"] == {"step": 6}
    (writing,) = records.feed(said("writing {path}").format(path="x.tar"))
    assert writing["phase"] == "writing" and writing["message"] == "writing x.tar"


def test_a_logged_step_reads_as_the_chart_reads_a_reported_one():
    """The metrics log's lines (a resumed run's chart) map to the same keys as the records sent while training."""
    assert figures_record({"step": 3, "loss": 2.0, "accuracy": 0.5, "held_out": False}) == {
        "step": 3, "loss": 2.0, "accuracy": 0.5}
    held = figures_record({"step": 3, "loss": 2.0, "r_loss": 1.5, "kl_bits": 1.0, "accuracy": 0.5, "held_out": True})
    assert held["eval_accuracy"] == 0.5 and held["eval_kl_bits"] == 1.0 and "accuracy" not in held
