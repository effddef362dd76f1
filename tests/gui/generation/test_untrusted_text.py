"""Text from bundles, model cards and project files is shown as text: markup in it is never rendered or followed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel

from composer_app.gui.generation import bundle_picker
from composer_app.gui.generation.candidates_strip import CandidateCard, CandidateView
from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, parse_bundle, serialize_bundle
from composer_app.music.song import Note, Song, Track
from tests.models.conftest import bundle_path

MARKUP = '<img src="x.png"><a href="file:///bin/sh">run</a><b>bold</b>&amp;'
TAGS = '<img src="x.png"><a href="file:///bin/sh">run</a><b>bold</b>'  # Markdown itself decodes &amp;


def shown(label: QLabel) -> str:
    """What a label shows a reader: its text as rich text when Qt renders it so, else verbatim."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.PlainText or (fmt == Qt.AutoText and not GuiQt.mightBeRichText(text)):
        return text
    doc = QTextDocument()
    if fmt == Qt.MarkdownText:
        doc.setMarkdown(text)
    else:
        doc.setHtml(text)
    return doc.toPlainText()


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel()
    qtbot.addWidget(widget)
    return widget


def _bundle_with(tmp_path, generator_id: str, description: str, bundle_description: str):
    raw = parse_bundle(bundle_path("basic_rnn").read_bytes())
    path = tmp_path / "crafted.mag"
    path.write_bytes(serialize_bundle(GeneratorBundle(generator_id, description, raw.checkpoint_files, raw.metagraph,
                                                      bundle_description)))
    return path


def test_bundle_descriptions_are_shown_as_text(panel, tmp_path):
    """A bundle whose descriptions hold HTML shows that HTML literally beside its model id."""
    path = _bundle_with(tmp_path, "basic_rnn", f"desc {MARKUP}", f"trained {MARKUP}")
    assert panel.use_bundle(str(path))
    info = shown(panel.bundle_picker.info)
    assert f"desc {MARKUP}" in info and f"trained {MARKUP}" in info and "basic_rnn" in info


def test_an_unknown_model_id_is_shown_as_text(panel, tmp_path):
    """A bundle for an unknown model whose id is markup is refused with the id shown literally."""
    path = _bundle_with(tmp_path, "<b>evil</b>", "", "")
    assert not panel.use_bundle(str(path))
    assert "<b>evil</b>" in shown(panel.status)


def test_panel_messages_are_shown_as_text(panel):
    """Errors and statuses (which quote file names and bundle text) are never rendered as markup."""
    panel.show_error(f"cannot read {MARKUP}.mag")
    assert shown(panel.status) == f"cannot read {MARKUP}.mag"
    panel.show_status(f"Kept {MARKUP}")
    assert shown(panel.status) == f"Kept {MARKUP}"


def test_a_card_title_from_a_project_file_is_shown_as_text(qtbot):
    """A candidate's label (saved in project files) shows literally under the card's number."""
    notes = (Note(0, 60, 480, 90),)
    card = CandidateCard(CandidateView(1, 0, Song(tracks=(Track("Melody", notes=notes),)), notes, 0, MARKUP))
    qtbot.addWidget(card)
    titles = [shown(label) for label in card.findChildren(QLabel)]
    assert f"#1 {MARKUP}" in titles


def test_a_model_card_renders_markdown_but_not_html(tmp_path, qtbot, monkeypatch):
    """A model card's Markdown is formatted, its HTML is shown as text, and only web links are opened."""
    path = _bundle_with(tmp_path, "basic_rnn", "", "")
    path.with_suffix(".md").write_text(f"# Card\n\n**Data**: folk tunes {TAGS}\n\n[site](https://example.org) "
                                       "[shell](file:///bin/sh)\n", encoding="utf-8")
    box = bundle_picker.model_card_box(None, "basic_rnn", str(path))
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    text = shown(label)
    assert "Data: folk tunes" in text and TAGS in text and "**" not in text
    assert not label.openExternalLinks()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    label.linkActivated.emit("file:///bin/sh")
    label.linkActivated.emit("https://example.org")
    assert opened == [QUrl("https://example.org").toString()]
