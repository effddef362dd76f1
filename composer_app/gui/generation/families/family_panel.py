"""What the Polyphony and Performance panels share: the bundle row, sampling settings, placement and run controls.

No bundle of these families ships yet, so the bundle row says so and offers Open .mag (and the family's bundles
opened before, from the recent list); a bundle of the other family or of a melody model is refused with where it
goes instead. Subclasses add their own group box of settings.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.generation.form_fields import (
    RunControls,
    TranslatedRows,
    outputs_box,
    scrolling_body,
    temperature_box,
)
from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.generation.seed_field import SeedField
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, error_text, tr
from composer_app.models.errors import BundleError

OPEN = "open"
NEW_TRACK = "new"
SAME_TRACK = "same"


class FamilyPanel(Retranslating, QWidget):
    """A panel for one family ("polyphony" or "performance"); settings() gives a dict for the controller."""

    family = ""
    published = ""  # the Magenta bundle users bring, named in the no-bundle message
    generate_requested = Signal(object)  # the panel itself: the controller reads settings() from it
    cancel_requested = Signal()
    message = Signal(str)

    def __init__(self, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{self.family}_panel")
        self._settings = settings  # AppSettings-like with recent_bundles() / add_recent_bundle(), optional
        self.bundle = None  # the loaded Bundle, or None
        self._status: tuple[str, tuple] = ("", ())
        self.body = scrolling_body(self)
        self._rows = TranslatedRows()

        self.bundle_box = QGroupBox()
        bform = QVBoxLayout(self.bundle_box)
        self.bundle_info = QLabel()
        self.bundle_info.setObjectName(f"{self.family}_bundle_info")
        self.bundle_info.setWordWrap(True)
        self.bundle_info.setTextFormat(Qt.RichText)
        self.bundle_combo = QComboBox()
        self.bundle_combo.setObjectName(f"{self.family}_bundle_combo")
        self.bundle_combo.activated.connect(self._on_bundle_activated)
        bform.addWidget(self.bundle_combo)
        bform.addWidget(self.bundle_info)
        self.body.addWidget(self.bundle_box)

        self.own_box = QGroupBox()
        self.form = QFormLayout(self.own_box)
        self.build_own(self.form)
        self.place_combo = QComboBox()
        self.place_combo.setObjectName(f"{self.family}_place")
        self.place_combo.addItem("", NEW_TRACK)
        self.place_combo.addItem("", SAME_TRACK)
        self._rows.add(self.form, QT_TR_NOOP("Result on"), self.place_combo)
        self.body.addWidget(self.own_box)

        self.params_box = QGroupBox()
        pform = QFormLayout(self.params_box)
        self.num_outputs = outputs_box(2)
        self._rows.add(pform, QT_TR_NOOP("Variations"), self.num_outputs)
        self.temperature = temperature_box(1.0)
        self._rows.add(pform, QT_TR_NOOP("Temperature"), self.temperature)
        self.seed = SeedField()
        self._rows.add(pform, QT_TR_NOOP("Seed"), self.seed)
        self.body.addWidget(self.params_box)
        self.body.addStretch(1)

        actions = QVBoxLayout()
        actions.setContentsMargins(8, 4, 8, 8)
        self.run = RunControls(actions, f"{self.family}_", self._emit_generate, self.cancel_requested)
        self.generate_button, self.cancel_button = self.run.generate_button, self.run.cancel_button
        self.progress, self.status = self.run.progress, self.run.status
        self.layout().addLayout(actions)  # the run controls stay in view below the scrolling settings
        self.retranslate()

    # -- for subclasses ------------------------------------------------------------------------------------
    def build_own(self, form: QFormLayout) -> None:
        """Add the family's own rows to `form`."""

    def retranslate_own(self) -> None:
        """Set the family's own texts."""

    def own_settings(self) -> dict:
        return {}

    def bundle_changed(self) -> None:
        """Enable what the loaded bundle's config can take."""

    # -- texts ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._rows.retranslate()
        self.bundle_box.setTitle(tr("Bundle"))
        self.params_box.setTitle(tr("Parameters"))
        self._fill_bundles()
        self.place_combo.setItemText(0, tr("A new track"))
        self.place_combo.setItemText(1, tr("The same track"))
        self.cancel_button.setText(tr("Cancel"))
        self.generate_button.setText(tr("Generate"))
        self.retranslate_own()
        self._show_bundle()
        text, args = self._status
        if text:
            self.status.setText(tr(text).format(*args))

    def _show_bundle(self) -> None:
        if self.bundle is None:
            self.bundle_info.setText(html.escape(self.no_bundle_text()))
            return
        config = self.bundle.config
        self.bundle_info.setText(tr("<b>{0}</b>: {1} ({2})", "a bundle: its file, model title and id").format(
            html.escape(Path(str(self.bundle.path)).name), html.escape(model_text(config.title)),
            html.escape(config.id)))

    def no_bundle_text(self) -> str:
        return tr("No bundle ships for this model yet. Open a .mag bundle: Magenta's published {0} works.").format(
            self.published)

    # -- bundle --------------------------------------------------------------------------------------------
    def recent_bundles(self) -> list[str]:
        """Bundles of this family opened before, newest first (only those still there and readable)."""
        from composer_app.gui.generation.bundle_picker import bundle_header
        from composer_app.models.rnn.configs import get_config

        if self._settings is None or not hasattr(self._settings, "recent_bundles"):
            return []
        out = []
        for path in self._settings.recent_bundles():
            try:
                if Path(path).exists() and get_config(bundle_header(Path(path))[0]).family == self.family:
                    out.append(path)
            except (BundleError, KeyError):
                continue
        return out

    def _fill_bundles(self) -> None:
        """The combo: the loaded bundle (or none), the family's recent bundles, and Open .mag…"""
        combo = self.bundle_combo
        combo.blockSignals(True)
        combo.clear()
        current = str(self.bundle.path) if self.bundle is not None else None
        if current is None:
            combo.addItem(tr("No bundle chosen"), None)
        for path in dict.fromkeys(([current] if current else []) + self.recent_bundles()):
            combo.addItem(Path(path).name, path)
        combo.addItem(tr("Open .mag…"), OPEN)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)

    def _on_bundle_activated(self, index: int) -> None:
        data = self.bundle_combo.itemData(index)
        if data == OPEN:
            path, _ = QFileDialog.getOpenFileName(self, tr("Open a Magenta bundle"), "",
                                                  tr("Magenta bundles (*.mag)"))
            if path:
                self.use_bundle(path)
        elif data and (self.bundle is None or data != str(self.bundle.path)):
            self.use_bundle(data)
        self._fill_bundles()

    def use_bundle(self, path: str) -> bool:
        """Load a bundle of this family; anything else is refused with a message saying where it goes."""
        from composer_app.gui.shell.busy import run_busy
        from composer_app.models.rnn.bundle import read_bundle

        try:
            # Magenta's published bundles take a moment to read: the window keeps answering meanwhile.
            bundle = run_busy(self, tr("Reading {0}…").format(Path(path).name), lambda: read_bundle(path))
        except BundleError as exc:
            self.show_error(error_text(exc))
            return False
        family = bundle.config.family
        if family != self.family:
            self.show_error(self.other_family_text(Path(path).name, bundle.config))
            return False
        self.bundle = bundle
        if self._settings is not None and hasattr(self._settings, "add_recent_bundle"):
            self._settings.add_recent_bundle(str(path))
        self._fill_bundles()
        self._show_bundle()
        self.bundle_changed()
        self.show_status(tr("Loaded {0}.").format(Path(path).name))
        return True

    def other_family_text(self, name: str, config) -> str:
        title = model_text(config.title)
        if config.family == "polyphony":
            return tr("{0} is a {1} bundle: open it in the Polyphony tab.").format(name, title)
        if config.family == "performance":
            return tr("{0} is a {1} bundle: open it in the Performance tab.").format(name, title)
        return tr("{0} is a {1} bundle: open it in the RNN tab.").format(name, title)

    # -- run -----------------------------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"family": self.family, "num_outputs": self.num_outputs.value(),
                "temperature": round(self.temperature.value(), 3), "seed": self.seed.value(),
                "place": self.place_combo.currentData(), **self.own_settings()}

    def _emit_generate(self) -> None:
        self.seed.seed_for_next_run()
        self.generate_requested.emit(self)

    def set_busy(self, busy: bool) -> None:
        self.run.set_busy(busy)

    def show_progress(self, done: int, total: int, text: str = "") -> None:
        self.run.show_progress(done, total, text or None)

    def show_status(self, text: str) -> None:
        self._status = ("", ())
        self.run.show_message(text)

    def show_error(self, text: str) -> None:
        self._status = ("", ())
        self.run.show_message(text, error=True)
        self.message.emit(text)
