"""The Training panel: choose a model and music, Start, watch reading and the live loss, perplexity and accuracy
(a MusicVAE's loss, reconstruction accuracy and KL), Pause, Resume (after a restart too) or Cancel; when it ends,
the new bundle (or MusicVAE checkpoint) is handed to the Generate panel.

Training itself is `composer-app train` in a child process (TrainingProcess); the panel shows what it reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, localized, tr
from composer_app.gui.training.chart import MetricsChart
from composer_app.gui.training.form import TrainingForm
from composer_app.gui.training.process import DONE, STOPPED, TrainingChoice, TrainingProcess, has_checkpoint
from composer_app.gui.training.texts import choice_problem, figures_line, result_text, run_summary
from composer_app.gui.training.vae_choices import is_vae
from composer_app.said import from_plain

IDLE, RUNNING, STOPPING, PAUSED = "idle", "running", "stopping", "paused"
# (chart title, training key, held-out key, log scale)
CHARTS = ((QT_TR_NOOP("Loss"), "loss", "eval_loss", False),
          (QT_TR_NOOP("Perplexity"), "perplexity", "eval_perplexity", True),
          (QT_TR_NOOP("Accuracy"), "accuracy", "eval_accuracy", False))
VAE_CHARTS = ((QT_TR_NOOP("Loss"), "loss", "eval_loss", False),
              (QT_TR_NOOP("Reconstruction accuracy"), "accuracy", "eval_accuracy", False),
              (QT_TR_NOOP("KL divergence (bits)"), "kl_bits", "eval_kl_bits", False))


class TrainingPanel(Retranslating, QWidget):
    """The panel. `bundle_ready(path)` fires with each bundle (or .tar) written, `use_requested(path)` when the user
    asks for it in Generate again; `settings` keeps a paused run."""

    bundle_ready = Signal(str)
    use_requested = Signal(str)
    message = Signal(str)

    def __init__(self, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training")
        self._settings = settings
        self.state = IDLE
        self.job: TrainingProcess | None = None
        self.choice: TrainingChoice | None = None
        self.history: list[dict] = []
        self.result: dict | None = None
        self._pause_requested = False
        self._status: tuple[str, tuple] = (QT_TR_NOOP("Choose a model and a folder of music, then Start."), ())
        self._reading: tuple[str, tuple] = ("", ())
        self.form = TrainingForm()
        self.form.changed.connect(self._update_buttons)
        self.form.changed.connect(self._show_figures)  # the charts are the model's: a MusicVAE has its own
        self.start_button = QPushButton(objectName="training_start")
        self.pause_button = QPushButton(objectName="training_pause")
        self.cancel_button = QPushButton(objectName="training_cancel")
        self.status = QLabel(objectName="training_status")
        self.summary = QLabel(objectName="training_summary")
        self.reading = QLabel(objectName="training_reading")
        self.figures = QLabel(objectName="training_figures")
        for label in (self.status, self.reading, self.figures, self.summary):
            label.setWordWrap(True)
            label.setTextFormat(Qt.PlainText)  # the trainer's messages name the user's files
        self.progress = QProgressBar(objectName="training_progress")
        self.charts = [MetricsChart() for _ in CHARTS]
        self.result_label = QLabel(objectName="training_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.PlainText)
        self.card_button = QPushButton(objectName="training_card")
        self.use_button = QPushButton(objectName="training_use")
        self._build()
        self.retranslate()
        self._restore_paused()

    def _build(self) -> None:
        self.choices_box = QGroupBox()
        QVBoxLayout(self.choices_box).addWidget(self.form)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.cancel_button):
            buttons.addWidget(button)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.pause_or_resume)
        self.cancel_button.clicked.connect(self.cancel)
        self.card_button.clicked.connect(self.show_model_card)
        self.use_button.clicked.connect(lambda: self.result and self.use_requested.emit(self.result["bundle"]))
        result_row = QHBoxLayout()
        result_row.addWidget(self.card_button)
        result_row.addWidget(self.use_button)
        result_row.addStretch(1)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.choices_box)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        for widget in (self.status, self.reading, self.progress, self.figures, self.result_label):
            layout.addWidget(widget)
        layout.addLayout(result_row)  # the new bundle's card before the charts, where it is seen without scrolling
        for chart in self.charts:
            layout.addWidget(chart)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the panel follows the dock's width
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def retranslate(self) -> None:
        """Every text of the panel in the current language (the form retranslates itself)."""
        self.choices_box.setTitle(tr("What to train"))
        self.start_button.setText(tr("Start"))
        self.pause_button.setText(tr("Resume") if self.state == PAUSED else tr("Pause"))
        self.cancel_button.setText(tr("Cancel"))
        self.card_button.setText(tr("Model card…"))
        self.use_button.setText(tr("Use in Generate"))
        self._show_status()
        self._show_figures()
        self._show_result()
        self._update_buttons()

    # -- state shown -------------------------------------------------------------------
    def _set_status(self, text: str, *args) -> None:
        self._status = (text, args)
        self._show_status()

    def _show_status(self) -> None:
        text, args = self._status
        # Arguments may be the trainer's said() text: translated here, so that they follow a language switch.
        self.status.setText(tr(text).format(*map(localized, args)) if text else "")
        reading, rargs = self._reading
        self.reading.setText(tr(reading).format(*map(localized, rargs)) if reading else "")
        self.reading.setVisible(bool(reading))

    def _update_buttons(self) -> None:
        busy = self.state in (RUNNING, STOPPING)
        self.form.setEnabled(self.state == IDLE)
        # While a run is going or paused its choices are fixed: one line says them, and the chart moves up.
        self.choices_box.setVisible(self.state == IDLE)
        self.summary.setVisible(self.state != IDLE and self.choice is not None)
        if self.choice is not None:
            self.summary.setText(run_summary(self.choice))
        self.start_button.setEnabled(self.state == IDLE)
        self.pause_button.setEnabled(self.state in (RUNNING, PAUSED))
        self.pause_button.setText(tr("Resume") if self.state == PAUSED else tr("Pause"))
        self.cancel_button.setEnabled(busy or self.state == PAUSED)
        self.progress.setVisible(self.state != IDLE or bool(self.history))

    def _vae_shown(self) -> bool:
        """Whether the figures shown are a MusicVAE's: the run's while there is one, else the model chosen."""
        if self.choice is not None and (self.state != IDLE or self.history):
            return is_vae(self.choice.config_id)
        return self.form.is_vae()

    def _show_figures(self) -> None:
        metrics = [r for r in self.history if "step" in r]
        for chart, (title, key, held_key, log) in zip(self.charts, VAE_CHARTS if self._vae_shown() else CHARTS):
            chart.log_scale = log
            chart.set_texts(tr(title), tr("training"), tr("held-out"))
            chart.set_points([(r["step"], r.get(key)) for r in metrics if key in r],
                             [(r["step"], r.get(held_key)) for r in metrics if held_key in r])
        if not metrics:
            self.figures.setText("")
            return
        running = self.state == RUNNING
        # The line shows the last training figures (a MusicVAE's β among them), not a held-out record's.
        last = next((r for r in reversed(metrics) if "loss" in r), metrics[-1])
        self.figures.setText(figures_line(last, [r for r in metrics if "eval_accuracy" in r], self.choice, running))

    def _show_result(self) -> None:
        shown = self.result is not None
        self.card_button.setVisible(shown and bool(self.result.get("card")))  # a MusicVAE .tar has no card
        self.use_button.setVisible(shown)
        self.result_label.setText(result_text(self.result) if shown else "")

    # -- actions -------------------------------------------------------------------------
    def start(self) -> None:
        """Check the choices, ask about a file or an earlier run in the way, and start the child."""
        choice = self.form.choice()
        problem = choice_problem(choice)
        if problem:
            self._set_status(problem)
            return
        restart = False
        if has_checkpoint(choice):
            answer = self._ask(tr("An earlier run for {0} stopped at step {1}.").format(
                Path(choice.output).name, self._checkpoint_step(choice)),
                tr("Continue it, or start over (its checkpoints are deleted)?"),
                (tr("Continue"), tr("Start over")))
            if answer is None:
                return
            restart = answer == 1
        if Path(choice.output).exists() and not self._confirm_replace(choice):
            return
        self._launch(choice, restart)

    def _confirm_replace(self, choice: TrainingChoice) -> bool:
        detail = (tr("Replace it when training ends?") if is_vae(choice.config_id)
                  else tr("Replace it (and its model card) when training ends?"))
        answer = self._ask(tr("{0} exists.").format(Path(choice.output).name), detail, (tr("Replace"),))
        return answer == 0

    def _ask(self, text: str, detail: str, buttons: tuple[str, ...]) -> int | None:
        """A question with these buttons and Cancel; the index of the button pressed, None for Cancel."""
        box = QMessageBox(QMessageBox.Question, tr("Training"), text, QMessageBox.Cancel, self)
        box.setObjectName("training_question")
        box.setInformativeText(detail)
        made = [box.addButton(label, QMessageBox.AcceptRole) for label in buttons]
        box.setDefaultButton(made[0])
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return made.index(clicked) if clicked in made else None

    @staticmethod
    def _checkpoint_step(choice: TrainingChoice) -> int:
        from composer_app.models.training.metrics import read_metrics

        try:
            return max((r.get("step", 0) for r in read_metrics(choice.metrics_path)), default=0)
        except OSError:
            return 0

    def _launch(self, choice: TrainingChoice, restart: bool = False) -> None:
        self.choice = choice
        self.result = None
        self.history = [] if restart else self._logged_history(choice)
        self._pause_requested = False
        self.job = TrainingProcess(choice, self)
        self.job.record.connect(self._on_record)
        self.job.ended.connect(self._on_ended)
        self.state = RUNNING
        self._reading = ("", ())
        self._set_status(QT_TR_NOOP("Starting the trainer…"))
        self.progress.setRange(0, 0)
        self._remember(choice)
        self._update_buttons()
        self._show_figures()
        self._show_result()
        self.job.start(restart)

    @staticmethod
    def _logged_history(choice: TrainingChoice) -> list[dict]:
        """The figures an earlier, paused part of this run logged, so the chart shows the whole run."""
        from composer_app.models.training.metrics import read_metrics

        try:
            records = read_metrics(choice.metrics_path) if choice.metrics_path.is_file() else []
        except OSError:
            return []
        if is_vae(choice.config_id):  # train_vae logs each step's figures, the held-out ones marked held_out
            from composer_app.models.training.vae.progress import figures_record

            records = [figures_record(r) for r in records]
        return records

    def pause_or_resume(self) -> None:
        if self.state == RUNNING and self.job is not None:
            self._pause_requested = True
            self.state = STOPPING
            self._set_status(QT_TR_NOOP("Pausing: saving a checkpoint…"))
            self.job.stop()
            self._update_buttons()
        elif self.state == PAUSED and self.choice is not None:
            self._launch(self.choice)

    def cancel(self) -> None:
        """Stop for good: the last checkpoint stays in the run folder, and Start with the same choices resumes."""
        if self.state == PAUSED:
            self._finish(QT_TR_NOOP("Cancelled. The last checkpoint is kept in {0}."), self.choice.run_dir.name)
            return
        if self.state in (RUNNING, STOPPING) and self.job is not None:
            self._pause_requested = False
            self.state = STOPPING
            self._set_status(QT_TR_NOOP("Cancelling: saving a checkpoint…"))
            self.job.stop()
            self._update_buttons()

    def stop_for_close(self) -> None:
        """The window closes: stop with a checkpoint and wait, and keep the run to resume at the next start.

        Saving a checkpoint can take seconds; a dialog says so while the window keeps painting.
        """
        if self.job is not None and self.job.is_running():
            self._pause_requested = True
            waiting = QProgressDialog(tr("Saving the training checkpoint before closing…"), None, 0, 0, self.window())
            waiting.setObjectName("training_close_dialog")
            waiting.setWindowTitle(tr("Training"))
            waiting.setWindowModality(Qt.WindowModal)
            self.job.stop_and_wait(waiting=waiting)
            waiting.deleteLater()

    def is_running(self) -> bool:
        return self.job is not None and self.job.is_running()

    def _on_record(self, record: dict) -> None:
        phase = record.get("phase")
        if phase == "reading":
            total, done = record.get("files_total", 0), record.get("files_done", 0)
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            self._set_status(QT_TR_NOOP("Reading the music: {0} of {1} files"), done, total)
        elif phase == "read":
            self._reading = ("{0}", (from_plain(record.get("said", record.get("message", ""))),))
            self._set_status(QT_TR_NOOP("Building the network…"))
        elif phase == "training":
            self.progress.setRange(0, 0 if self.choice.minutes else record.get("total_steps", 0))
            self.progress.setValue(record.get("step", 0))
            self._set_status(QT_TR_NOOP("Training…"))
            if "metrics" in record:
                self.history.append(record["metrics"])
                self._show_figures()
        elif phase == "writing":
            self._set_status(QT_TR_NOOP("Writing the checkpoint (.tar)…") if is_vae(self.choice.config_id)
                             else QT_TR_NOOP("Writing the bundle and its model card…"))

    def _on_ended(self, outcome: str, detail) -> None:
        self.job.deleteLater()
        self.job = None
        if outcome == DONE:
            self.result = detail
            self._finish(QT_TR_NOOP("Done."))
            self.bundle_ready.emit(detail["bundle"])
        elif outcome == STOPPED and self._pause_requested:
            self.state = PAUSED
            self._set_status(QT_TR_NOOP("Paused at step {0}. Resume continues from its checkpoint, now or after "
                                        "the app restarts."), self._last_step())
            self._update_buttons()
            self._show_figures()
        elif outcome == STOPPED:
            self._finish(QT_TR_NOOP("Cancelled. The last checkpoint is kept in {0}."), self.choice.run_dir.name)
        else:
            self._finish(QT_TR_NOOP("Training stopped: {0}"), detail)

    def _finish(self, text: str, *args) -> None:
        self.state = IDLE
        self._remember(None)
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if self.result else 0)
        self._set_status(text, *args)
        self._update_buttons()
        self._show_figures()
        self._show_result()

    def _last_step(self) -> int:
        return max((r.get("step", 0) for r in self.history), default=0)

    def _remember(self, choice: TrainingChoice | None) -> None:
        if self._settings is not None and hasattr(self._settings, "set_paused_training"):
            self._settings.set_paused_training(choice.to_dict() if choice else None)

    def _restore_paused(self) -> None:
        """A run that was going or paused when the app closed comes back paused, ready to Resume."""
        if self._settings is None or not hasattr(self._settings, "paused_training"):
            return
        choice = TrainingChoice.from_dict(self._settings.paused_training())
        if choice is None or not has_checkpoint(choice):
            return
        self.choice = choice
        self.form.show_choice(choice)
        self.history = self._logged_history(choice)
        self.state = PAUSED
        self._set_status(QT_TR_NOOP("Paused at step {0}. Resume continues from its checkpoint, now or after "
                                    "the app restarts."), self._last_step())
        self._update_buttons()
        self._show_figures()

    def show_model_card(self) -> None:
        if self.result is None:
            return
        from composer_app.gui.generation.bundle_picker import model_card_box

        config_id = self.choice.config_id if self.choice else ""
        box = model_card_box(self, config_id, self.result["bundle"])
        box.exec()
        box.deleteLater()
