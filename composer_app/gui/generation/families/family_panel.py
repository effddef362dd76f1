"""What the Polyphony and Performance panels share: the bundle row, sampling settings, placement and run controls.

The bundle row offers the family's shipped bundle first, where the app has one, and makes it the default; then the
family's bundles opened before (the recent list) and Open .mag. Without a shipped bundle it says none ships. The
shipped bundle is read on first use (reading starts in the background when the tab is first shown), so start-up
never waits for it; its details and model card come from the file's header meanwhile. A bundle of the other family
or of a melody model is refused with where it goes instead. Subclasses add their own group box of settings.
"""

from __future__ import annotations

import html
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.generation.families.bundle_reading import read_in_background, same_file
from composer_app.gui.generation.form_fields import (
    RunControls,
    TranslatedRows,
    outputs_box,
    scrolling_body,
    temperature_box,
)
from composer_app.gui.generation.model_texts import bundle_text, model_text
from composer_app.gui.generation.seed_field import SeedField
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, error_text, tr
from composer_app.models.errors import BundleError

OPEN = "open"
SHIPPED = "shipped"
NEW_TRACK = "new"
SAME_TRACK = "same"


class FamilyPanel(Retranslating, QWidget):
    """A panel for one family ("polyphony" or "performance"); settings() gives a dict for the controller."""

    family = ""
    shipped_id = ""  # the config of the bundle the app ships for this family
    published = ""  # the Magenta bundle users bring, named in the no-bundle message
    generate_requested = Signal(object)  # the panel itself: the controller reads settings() from it
    cancel_requested = Signal()
    message = Signal(str)

    def __init__(self, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{self.family}_panel")
        self._settings = settings  # AppSettings-like with recent_bundles() / add_recent_bundle(), optional
        self.bundle_path: str | None = None  # the bundle the user chose; None: the shipped one (if installed)
        self.bundle = None  # the chosen bundle once read, or None
        self._reading: dict[str, Future] = {}  # bundles being read in the background, by path
        self._taking = False  # a bundle is being read for use_bundle (the window's events run meanwhile)
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
        self.card_button = QPushButton()
        self.card_button.setObjectName(f"{self.family}_model_card")
        self.card_button.clicked.connect(self.show_model_card)
        bform.addWidget(self.bundle_combo)
        bform.addWidget(self.bundle_info)
        bform.addWidget(self.card_button, 0, Qt.AlignLeft)
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
        self.card_button.setText(tr("Model card…"))
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
        """The chosen bundle's file, model and own one-line description (its training data and their licence)."""
        path = self.chosen_path()
        self.card_button.setEnabled(path is not None)
        if path is None:
            self.bundle_info.setText(html.escape(self.no_bundle_text()))
            return
        try:
            config, description = self._details(path)
        except (BundleError, KeyError) as exc:
            self.bundle_info.setText(html.escape(error_text(exc) if isinstance(exc, BundleError) else str(exc)))
            return
        text = tr("<b>{0}</b>: {1} ({2})", "a bundle: its file, model title and id").format(
            html.escape(path.name), html.escape(model_text(config.title)), html.escape(config.id))
        if description:
            text += f"<br><i>{html.escape(bundle_text(description))}</i>"
        self.bundle_info.setText(text)

    def no_bundle_text(self) -> str:
        return tr("No bundle ships for this model yet. Open a .mag bundle: Magenta's published {0} works.").format(
            self.published)

    # -- bundle --------------------------------------------------------------------------------------------
    def shipped_path(self) -> Path:
        """Where the app's own bundle of this family lives (it may not be installed)."""
        from composer_app.models.rnn import bundle

        return bundle.shipped_bundle_path(self.shipped_id)

    def chosen_path(self) -> Path | None:
        """The bundle the panel generates with: the one the user chose, else the shipped one where it is installed."""
        if self.bundle_path:
            return Path(self.bundle_path)
        shipped = self.shipped_path()
        return shipped if shipped.exists() else None

    def chosen_config(self):
        """The chosen bundle's model: the loaded bundle's, or (not read yet) the one its header names; None."""
        if self.bundle is not None:
            return self.bundle.config
        path = self.chosen_path()
        try:
            return self._details(path)[0] if path is not None else None
        except (BundleError, KeyError):
            return None

    def _details(self, path: Path):
        """(config, bundle description) of the loaded bundle, or read off `path`'s header (no weights)."""
        from composer_app.gui.generation.bundle_picker import bundle_header
        from composer_app.models.rnn.configs import get_config

        if self.bundle is not None:
            return self.bundle.config, self.bundle.bundle_description
        generator_id, _description, bundle_description = bundle_header(path)
        return get_config(generator_id), bundle_description

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
        """The combo: the shipped bundle (or the loaded one, or none), the family's recent bundles, Open .mag…"""
        combo = self.bundle_combo
        combo.blockSignals(True)
        combo.clear()
        shipped = self.shipped_path()
        if shipped.exists():
            combo.addItem(tr("Shipped: {0}").format(shipped.name), SHIPPED)
        elif not self.bundle_path:
            combo.addItem(tr("No bundle chosen"), None)
        chosen = [self.bundle_path] if self.bundle_path else []
        for path in dict.fromkeys(chosen + self.recent_bundles()):
            if not same_file(path, shipped):
                combo.addItem(Path(path).name, path)
        combo.addItem(tr("Open .mag…"), OPEN)
        combo.setCurrentIndex(max(combo.findData(self.bundle_path), 0) if self.bundle_path else 0)
        combo.blockSignals(False)

    def _on_bundle_activated(self, index: int) -> None:
        data = self.bundle_combo.itemData(index)
        if data == OPEN:
            path, _ = QFileDialog.getOpenFileName(self, tr("Open a Magenta bundle"), "",
                                                  tr("Magenta bundles (*.mag)"))
            if path:
                self.use_bundle(path)
        elif data == SHIPPED:
            if self.bundle_path:
                self.use_bundle(str(self.shipped_path()))
        elif data and data != self.bundle_path:
            self.use_bundle(data)
        self._fill_bundles()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # After the event: a tab brought to the front to open another bundle in it is busy with that one by then.
        QTimer.singleShot(0, self._read_ahead)

    def _read_ahead(self) -> None:
        """The tab is in front: read the chosen (shipped) bundle off the UI thread, so that Generate finds it ready."""
        path = self.chosen_path()
        if self.isVisible() and not self._taking and self.bundle is None and path is not None \
                and str(path) not in self._reading:
            self._reading[str(path)] = read_in_background(path)

    def ensure_bundle(self):
        """The chosen bundle, read now if it was not yet (the shipped one is read on first use); None when there is
        none. A bundle that cannot be read raises BundleError."""
        path = self.chosen_path()
        if self.bundle is None and path is not None:
            refused = self._take(str(path))
            if refused:
                raise BundleError(path, refused)
        return self.bundle

    def use_bundle(self, path: str) -> bool:
        """Load a bundle of this family; anything else is refused with a message saying where it goes."""
        try:
            refused = self._take(path)
        except BundleError as exc:
            self.show_error(error_text(exc))
            return False
        if refused:
            self.show_error(refused)
            return False
        self.show_status(tr("Loaded {0}.").format(Path(path).name))
        return True

    def _take(self, path: str) -> str | None:
        """Read `path` and make it the panel's bundle; why it was refused (another family's), or None."""
        from composer_app.gui.shell.busy import run_busy
        from composer_app.models.rnn.bundle import read_bundle

        reading = self._reading.pop(str(path), None)
        self._taking = True
        try:
            # Magenta's published bundles take a moment to read: the window keeps answering meanwhile.
            bundle = run_busy(self, tr("Reading {0}…").format(Path(path).name),
                              reading.result if reading is not None else lambda: read_bundle(path))
        finally:
            self._taking = False
        if bundle.config.family != self.family:
            return self.other_family_text(Path(path).name, bundle.config)
        shipped = same_file(path, self.shipped_path())
        self.bundle, self.bundle_path = bundle, None if shipped else str(path)
        if not shipped and self._settings is not None and hasattr(self._settings, "add_recent_bundle"):
            self._settings.add_recent_bundle(str(path))
        self._fill_bundles()
        self._show_bundle()
        self.bundle_changed()
        return None

    def show_model_card(self) -> None:
        """The chosen bundle's model card (the one beside it, in the UI's language), or its description."""
        from composer_app.gui.generation.bundle_picker import model_card_box

        path, config = self.chosen_path(), self.chosen_config()
        if path is None or config is None:
            return
        box = model_card_box(self, config.id, str(path))
        box.exec()
        box.deleteLater()

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

