"""The generation panel's bundle picker: the shipped and recent .mag bundles for the chosen model, and its model card.

Bundle details come from parsing the bundle's header (no TensorFlow), so the picker stays instant. Everything a
bundle or its model card says is untrusted text: it is escaped before it reaches rich text, a card's Markdown is
rendered without its HTML, and only web links in a card are opened. A card in the UI's language (NAME.ja.md) is
shown where there is one, else the English NAME.md; an open card follows a language switch.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMessageBox, QPushButton, QWidget

from composer_app.gui.generation.model_texts import bundle_text, model_text
from composer_app.gui.shell.i18n import Retranslating, error_text, tr
from composer_app.gui.shell.language import current_language
from composer_app.models.errors import BundleError
from composer_app.models.rnn.configs import ModelConfig, all_configs, get_config

SHIPPED = "shipped"


def bundle_header(path: Path) -> tuple[str, str, str]:
    """(generator id, generator description, bundle description) without loading any weights."""
    from composer_app.models.checkpoints.mag_file import read_mag_header

    return read_mag_header(path)


def model_card_path(bundle: Path, language: str) -> Path:
    """The card for `language` beside a bundle (NAME.ja.md) where there is one, else the English NAME.md."""
    if language != "en":
        translated = bundle.with_suffix(f".{language}.md")
        if translated.exists():
            return translated
    return bundle.with_suffix(".md")


def model_card_text(config_id: str, bundle_path: str | None, language: str | None = None) -> str:
    """The model card beside a bundle (NAME.md, or NAME.ja.md in Japanese), or, when there is none, a short note
    and what the bundle says of itself (its own one-line description, as the panel shows it)."""
    from composer_app.models.rnn.bundle import shipped_bundle_path

    path = Path(bundle_path) if bundle_path else shipped_bundle_path(config_id)
    card = model_card_path(path, language or current_language())
    if card.exists():
        return card.read_text(encoding="utf-8", errors="replace")
    note = tr("No model card found beside {0}.").format(path.name)
    try:
        _generator_id, description, bundle_description = bundle_header(path)
    except BundleError:
        return note
    said_by_bundle = [model_text(description), bundle_text(bundle_description) if bundle_description else ""]
    return "\n\n".join([note, *(line for line in said_by_bundle if line.strip())])


class CardBox(Retranslating, QMessageBox):
    """A message box showing a model card: its Markdown formatted, any HTML in it shown as text.

    `title()` names the model and `markdown()` gives the card, both in the current language: they are read again
    when the UI's language changes while the box is open.
    """

    def __init__(self, parent: QWidget | None, title: Callable[[], str], markdown: Callable[[], str]):
        super().__init__(parent)
        self._title, self._markdown = title, markdown
        self.setObjectName("model_card")
        self.setTextFormat(Qt.RichText)
        self.retranslate()
        label = self.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            label.setOpenExternalLinks(False)  # a card's links are the card writer's: only web pages are opened
            label.linkActivated.connect(open_web_link)

    def retranslate(self) -> None:
        """The title and the card in the current language."""
        self.setWindowTitle(tr("Model card: {0}").format(self._title()))
        doc = QTextDocument()
        doc.setMarkdown(self._markdown(), QTextDocument.MarkdownDialectGitHub | QTextDocument.MarkdownNoHTML)
        self.setText(doc.toHtml())


class ModelCardBox(CardBox):
    """The model card of an RNN bundle (see CardBox)."""

    def __init__(self, parent: QWidget | None, config_id: str, bundle_path: str | None):
        super().__init__(parent, lambda: model_text(get_config(config_id).title),
                         lambda: model_card_text(config_id, bundle_path))


def model_card_box(parent: QWidget | None, config_id: str, bundle_path: str | None) -> QMessageBox:
    """A message box showing the model card in the UI's language (see ModelCardBox)."""
    return ModelCardBox(parent, config_id, bundle_path)


def open_web_link(url: str) -> None:
    """Open an http(s) link in the browser; other schemes (file:, custom handlers) are ignored."""
    link = QUrl(url)
    if link.scheme().lower() in ("http", "https"):
        QDesktopServices.openUrl(link)


class BundlePicker:
    """The bundle combo, the chosen bundle's description and the model card button, which the panel lays out.

    `bundle_path` is the chosen bundle (None: the shipped one). `current_config` gives the panel's model;
    `switch_model(config_id)` is called when the user opens a bundle made for another model, and `show_error`
    when a bundle is refused. `settings` (optional) keeps the recent bundles.
    """

    def __init__(
        self,
        dialog_parent: QWidget,
        settings,
        current_config: Callable[[], ModelConfig],
        switch_model: Callable[[str], None],
        show_error: Callable[[str], None],
    ):
        self._dialog_parent = dialog_parent
        self._settings = settings  # AppSettings-like with recent_bundles() / add_recent_bundle(), optional
        self._current_config = current_config
        self._switch_model = switch_model
        self._show_error = show_error
        self.route_family: Callable[[str], bool] | None = None  # opens a Polyphony/Performance bundle in its tab
        self.bundle_path: str | None = None
        self.combo = QComboBox()
        self.combo.setObjectName("bundle_combo")
        self.combo.activated.connect(self._on_activated)
        self.info = QLabel()
        self.info.setTextFormat(Qt.RichText)  # every piece of bundle text in it is escaped
        self.info.setWordWrap(True)
        self.info.setMinimumWidth(220)
        self.info.setObjectName("bundle_info")
        self.card_button = QPushButton()
        self.card_button.clicked.connect(self.show_model_card)

    def retranslate(self) -> None:
        """The button, the bundle list and the bundle's details in the current language (the panel calls it)."""
        self.card_button.setText(tr("Model card…"))
        self._fill_combo()

    def model_changed(self) -> None:
        """Forget a chosen bundle that does not fit the panel's model now, and list the bundles that do."""
        config = self._current_config()
        if self.bundle_path:
            try:
                generator_id = bundle_header(Path(self.bundle_path))[0]
            except BundleError:
                generator_id = None
            if generator_id != config.id:
                self.bundle_path = None
        self._fill_combo()

    def _fill_combo(self) -> None:
        from composer_app.models.rnn.bundle import shipped_bundle_path

        config = self._current_config()
        self.combo.blockSignals(True)
        self.combo.clear()
        shipped = shipped_bundle_path(config.id)
        self.combo.addItem(tr("Shipped: {0}").format(shipped.name) if shipped.exists() else
                           tr("Shipped (not installed)"), SHIPPED)
        recent = self._recent_bundles()
        if self.bundle_path and self.bundle_path not in recent:
            recent.insert(0, self.bundle_path)
        for path in recent:
            try:
                if bundle_header(Path(path))[0] == config.id:
                    self.combo.addItem(Path(path).name, path)
            except BundleError:
                continue
        self.combo.addItem(tr("Open .mag…"), "open")
        index = self.combo.findData(self.bundle_path) if self.bundle_path else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._show_info()

    def _recent_bundles(self) -> list[str]:
        if self._settings is None or not hasattr(self._settings, "recent_bundles"):
            return []
        return [p for p in self._settings.recent_bundles() if Path(p).exists()]

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data == "open":
            path, _ = QFileDialog.getOpenFileName(self._dialog_parent, tr("Open a Magenta bundle"), "",
                                                  tr("Magenta bundles (*.mag)"))
            if path:
                self.use_bundle(path)
            else:
                self._fill_combo()
            return
        self.bundle_path = None if data == SHIPPED else data
        self._show_info()

    def use_bundle(self, path: str) -> bool:
        """Choose a user's bundle; a bundle of another model switches the model, an unreadable one is refused."""
        try:
            generator_id, _desc, _bdesc = bundle_header(Path(path))
        except BundleError as exc:
            self._show_error(error_text(exc))
            return False
        known = [c.id for c in all_configs()]
        if generator_id not in known:
            self._show_error(tr("{0} was made for {1!r}, which this app does not know; known models: {2}").format(
                Path(path).name, generator_id, ", ".join(known)))
            self._fill_combo()
            return False
        if not get_config(generator_id).in_generate_panel:
            # Polyphony and Performance RNN have their own tabs: the session routes the bundle there.
            if self.route_family is not None:
                self._fill_combo()
                return self.route_family(str(path))
            self._show_error(tr("{0} is a {1} bundle: open it in its own tab of the Generate panel.").format(
                Path(path).name, model_text(get_config(generator_id).title)))
            self._fill_combo()
            return False
        self.bundle_path = str(path)
        if self._settings is not None and hasattr(self._settings, "add_recent_bundle"):
            self._settings.add_recent_bundle(str(path))
        if generator_id != self._current_config().id:
            self._switch_model(generator_id)  # refills the combo, keeping the bundle (it fits the new model)
        self._fill_combo()
        return True

    def _show_info(self) -> None:
        from composer_app.models.rnn.bundle import shipped_bundle_path

        path = Path(self.bundle_path) if self.bundle_path else shipped_bundle_path(self._current_config().id)
        if not path.exists():
            self.info.setText(tr("No bundle ships for this model yet: open a .mag bundle."))
            return
        try:
            generator_id, description, bundle_description = bundle_header(path)
        except BundleError as exc:
            self.info.setText(html.escape(error_text(exc)))
            return
        # The description a bundle carries is the model's own: shown translated where it is one of ours.
        text = f"<b>{html.escape(generator_id)}</b>: {html.escape(model_text(description))}"
        if bundle_description:
            text += f"<br><i>{html.escape(bundle_text(bundle_description))}</i>"
        self.info.setText(text)

    def show_model_card(self) -> None:
        box = model_card_box(self._dialog_parent, self._current_config().id, self.bundle_path)
        box.exec()
        box.deleteLater()
