"""The Polyphony and Performance tabs with the app's own bundles installed, as a user meets them: the shipped bundle
is the default (read on first use, not at start-up), Generate works without opening anything, its model card and
its one-line description (the training data's licence) are shown, in English and in Japanese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from composer_app.gui.generation import bundle_picker
from composer_app.gui.generation.families.family_panel import OPEN, SHIPPED
from composer_app.models.rnn.timed_jobs import FROM_SILENCE
from tests.gui.generation.families_helpers import draw, run_panel

LICENCE = "CC BY-NC-SA 4.0: non-commercial use only"



def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def _cards_shown(monkeypatch) -> list[str]:
    """The model cards the panels show from now on, as plain text (instead of waiting on a modal box)."""
    shown: list[str] = []
    monkeypatch.setattr(bundle_picker.ModelCardBox, "exec",
                        lambda box: shown.append(plain(box.findChild(QLabel, "qt_msgbox_label").text())) or 0)
    return shown


def test_the_shipped_polyphony_bundle_is_the_default_and_harmonises(window, qtbot, shipped_families, generation):
    """The combo offers "Shipped: polyphony.mag" first and has it chosen, then Open .mag; nothing is read until
    Generate, which then harmonises the drawn melody with it."""
    panel = generation.polyphony
    combo = panel.bundle_combo
    assert combo.itemText(0) == "Shipped: polyphony.mag" and combo.currentIndex() == 0
    assert combo.itemData(combo.count() - 1) == OPEN
    info = plain(panel.bundle_info.text())
    assert "No bundle ships" not in info and "polyphony.mag" in info
    assert "408 Bach chorales of music21's corpus (public domain)" in info
    assert panel.bundle is None, "the shipped bundle is read on first use, not when the window opens"
    draw(window, [(i * 960, (i + 1) * 960, p) for i, p in enumerate((72, 74, 76, 77))])
    panel.num_outputs.setValue(1)
    run_panel(qtbot, generation, panel)
    assert panel.bundle is not None and panel.bundle.path == shipped_families["polyphony"]
    assert generation.strip.cards and generation.strip.cards[0].view.new_notes


def test_the_shipped_performance_bundle_shows_its_licence_and_plays(window, qtbot, shipped_families, generation):
    """The Performance tab names ASAP's non-commercial licence before anything is read, turns off the controls its
    model is not conditioned on, reads the bundle in the background once the tab is shown, and generates with it."""
    panel = generation.performance
    assert panel.bundle_combo.currentText() == "Shipped: performance_with_dynamics.mag"
    assert LICENCE in plain(panel.bundle_info.text())
    assert not panel.density.isEnabled() and not panel.histogram.isEnabled()  # read off the bundle's header
    window.show()
    tabs = panel.parentWidget().parentWidget()
    tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: str(shipped_families["performance_with_dynamics"]) in panel._reading)  # once shown
    panel.start.setCurrentIndex(panel.start.findData(FROM_SILENCE))
    panel.seconds.setValue(3.0)
    panel.num_outputs.setValue(1)
    run_panel(qtbot, generation, panel)
    assert panel.bundle is not None and panel.bundle.config.id == "performance_with_dynamics"
    assert not panel._reading
    assert LICENCE in plain(panel.bundle_info.text())
    assert panel.bundle_combo.currentData() == SHIPPED


def test_the_licence_reads_in_japanese(shipped_families, generation, in_language):
    """In Japanese the data and its licence are translated, the licence's name and numbers kept."""
    in_language("ja")
    performance = plain(generation.performance.bundle_info.text())
    assert "ASAP のピアノ演奏（CC BY-NC-SA 4.0：非営利目的の利用に限る）" in performance
    assert "non-commercial" not in performance and "Trained" not in performance
    assert generation.performance.bundle_combo.itemText(0).startswith("同梱")
    polyphony = plain(generation.polyphony.bundle_info.text())
    assert "バッハのコラール 408 曲" in polyphony and "Bach" not in polyphony
    in_language("en")
    assert LICENCE in plain(generation.performance.bundle_info.text())


def test_the_model_card_is_the_shipped_ones_in_the_ui_language(shipped_families, generation, monkeypatch,
                                                                in_language):
    """Model card… shows the card beside the shipped bundle: NAME.ja.md in Japanese, NAME.md in English."""
    shown = _cards_shown(monkeypatch)
    panel = generation.performance
    assert panel.card_button.isEnabled()
    QTest.mouseClick(panel.card_button, Qt.LeftButton)
    in_language("ja")
    QTest.mouseClick(panel.card_button, Qt.LeftButton)
    english, japanese = shown
    assert "The card of the shipped performance_with_dynamics." in english
    assert "同梱の performance_with_dynamics のカード。" in japanese


def test_an_opened_bundle_without_a_card_shows_its_own_description(window, qtbot, shipped_families, generation,
                                                                   monkeypatch, improv_bundle):
    """A user's .mag opened (its tab comes to the front, the shipped bundle is left unread) with no card beside it:
    Model card… says so and shows what the bundle says of itself; Shipped in the combo goes back to the app's
    bundle, whose card shows again."""
    shown = _cards_shown(monkeypatch)
    panel = generation.polyphony
    mine = str(improv_bundle("polyphony"))
    assert generation.open_bundle(mine)
    qtbot.wait(50)
    assert panel.isVisible() and not panel._reading
    combo = panel.bundle_combo
    assert combo.itemData(0) == SHIPPED and combo.currentData() == mine
    QTest.mouseClick(panel.card_button, Qt.LeftButton)
    assert "No model card found beside polyphony.mag" in shown[-1] and "tiny test bundle" in shown[-1]
    combo.activated.emit(0)
    assert combo.currentIndex() == 0 and panel.bundle.path == shipped_families["polyphony"]
    assert combo.findData(mine) > 0  # still offered, as a recent bundle would be
    QTest.mouseClick(panel.card_button, Qt.LeftButton)
    assert "The card of the shipped polyphony." in shown[-1]


def test_without_a_shipped_bundle_the_tab_says_so(no_shipped_families, generation):
    """No shipped bundle installed: no Shipped entry, the no-bundle message, and no card to show."""
    panel = generation.polyphony
    assert panel.bundle_combo.itemData(0) != SHIPPED
    assert "No bundle ships" in panel.bundle_info.text() and not panel.card_button.isEnabled()


@pytest.mark.parametrize("data, japanese", [
    ("3474 files of OpenScore Lieder, OpenEWLD, Bach chorales, O'Neill's, Ryan's Mammoth, Aird's Airs (CC0 and public "
     "domain)", "の 3474 ファイル（CC0 およびパブリックドメイン）"),
    ("3521 files of OpenScore Lieder, OpenEWLD, Bach chorales, O'Neill's, Ryan's Mammoth, Aird's Airs (CC0 and public "
     "domain)", "の 3521 ファイル（CC0 およびパブリックドメイン）"),
    ("1658 files of OpenEWLD and OpenScore Lieder (public domain and CC0)", "OpenScore Lieder の 1658 ファイル"),
    ("371 Bach chorales of music21's corpus (public domain)", "バッハのコラール 371 曲（music21 のコーパス、パブリックドメイン）"),
    ("ASAP piano performances (CC BY-NC-SA 4.0: non-commercial use only)", "（CC BY-NC-SA 4.0：非営利目的の利用に限る）"),
])
def test_the_training_data_reads_in_japanese_whatever_its_count(in_language, data, japanese):
    """A shipped bundle's data reads in Japanese, its count kept even when a retrained bundle has another; English
    is left as written, and a user's own words stay as they are."""
    from composer_app.gui.generation.model_texts import data_text

    in_language("ja")
    assert japanese in data_text(data)
    assert data_text("12 files of my own tunes") == "12 files of my own tunes"
    in_language("en")
    assert data_text(data) == data
