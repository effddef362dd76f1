"""The shipped model cards in Japanese: one beside every English card, with the same figures, shown in Japanese."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from composer_app.gui.generation import bundle_picker
from composer_app.models.rnn.configs import get_config
from tests.conftest import ROOT
from tests.gui.generation.conftest import shown_card

BUNDLES = ROOT / "composer_app" / "resources" / "bundles"
# A figure as a card writes it: 687, 1.155, 64,000, 2.1.4. NFKC first, so a full-width digit counts as one.
FIGURE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
CODE = re.compile(r"`[^`]+`")
HPARAM = re.compile(r"\b[a-z_]+=[^,\s|)）]+")
# Names a translation keeps as they are: datasets, licences, the Magenta release compared with, the data's URL.
NAMES = ("OpenScore Lieder", "OpenEWLD", "music21", "O'Neill's Music of Ireland, 1850", "Ryan's Mammoth Collection",
         "Aird's Selection of Airs", "Groove MIDI Dataset", "Gillick et al. 2019", "CC0 1.0", "CC BY 4.0", "MIT",
         "Magenta 2.1.4", "https://magenta.tensorflow.org/datasets/groove")
ENGLISH_PROSE = re.compile(r"\b(?:the|and|with|was|were|this|from|than)\b")


def english_cards() -> list[Path]:
    return sorted(p for p in BUNDLES.glob("*.md") if not p.name.endswith(".ja.md"))


def japanese_card(card: Path) -> Path:
    return card.with_suffix(".ja.md")


def figures(text: str) -> Counter:
    return Counter(FIGURE.findall(unicodedata.normalize("NFKC", text)))


def test_every_shipped_bundle_has_an_english_and_a_japanese_card():
    """Each shipped NAME.mag has NAME.md and NAME.ja.md beside it, and no Japanese card lacks its English one."""
    bundles = sorted(p.stem for p in BUNDLES.glob("*.mag"))
    assert bundles, f"no shipped bundles in {BUNDLES}"
    assert [p.stem for p in english_cards()] == bundles
    assert sorted(p.name for p in BUNDLES.glob("*.ja.md")) == [f"{name}.ja.md" for name in bundles]


@pytest.mark.parametrize("card", english_cards(), ids=lambda p: p.stem)
def test_a_japanese_card_keeps_every_figure_command_and_name(card):
    """The same multiset of numbers, the same command lines, hparams and names as the English card."""
    english = card.read_text(encoding="utf-8")
    japanese = japanese_card(card).read_text(encoding="utf-8")
    assert figures(japanese) == figures(english), (figures(english) - figures(japanese),
                                                   figures(japanese) - figures(english))
    assert Counter(CODE.findall(japanese)) == Counter(CODE.findall(english))
    assert Counter(HPARAM.findall(japanese)) == Counter(HPARAM.findall(english))
    for name in NAMES:
        assert japanese.count(name) == english.count(name), name


@pytest.mark.parametrize("card", english_cards(), ids=lambda p: p.stem)
def test_a_japanese_card_is_written_in_japanese(card):
    """Every heading and paragraph is translated: no English prose is left outside commands, hparams and names."""
    japanese = japanese_card(card).read_text(encoding="utf-8")
    prose = HPARAM.sub(" ", CODE.sub(" ", japanese))
    for name in NAMES:
        prose = prose.replace(name, " ")
    headings = [line for line in japanese.splitlines() if line.startswith("## ")]
    assert headings and all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", h) for h in headings), headings
    assert ENGLISH_PROSE.findall(prose) == []
    assert japanese.count("\n## ") == card.read_text(encoding="utf-8").count("\n## ")




def test_the_picker_shows_the_card_in_the_ui_language(qtbot, monkeypatch, in_language):
    """Model card… shows NAME.ja.md in Japanese and NAME.md in English."""
    parent = QWidget()
    qtbot.addWidget(parent)
    picker = bundle_picker.BundlePicker(parent, None, lambda: get_config("basic_rnn"), lambda _id: None,
                                        lambda _msg: None)
    shown: list[str] = []
    monkeypatch.setattr(bundle_picker.ModelCardBox, "exec", lambda box: shown.append(shown_card(box)) or 0)
    for code in ("ja", "en"):
        in_language(code)
        picker.show_model_card()
    japanese, english = shown
    assert "サンプルを見る" in japanese and "Looking at the samples" not in japanese
    assert "Looking at the samples" in english and "サンプルを見る" not in english
    assert bundle_picker.model_card_text("basic_rnn", None, "ja") == (BUNDLES / "basic_rnn.ja.md").read_text("utf-8")
    assert bundle_picker.model_card_text("basic_rnn", None, "en") == (BUNDLES / "basic_rnn.md").read_text("utf-8")


def test_an_open_card_follows_a_language_switch(qtbot, in_language):
    """A card open while the language changes is read again in the new language, title included."""
    in_language("ja")
    box = bundle_picker.model_card_box(None, "drum_kit", None)
    qtbot.addWidget(box)
    assert "サンプルを見る" in shown_card(box)
    in_language("en")
    assert "Looking at the samples" in shown_card(box) and "サンプルを見る" not in shown_card(box)
    assert box.windowTitle().startswith("Model card")


def test_a_bundle_without_a_japanese_card_shows_its_english_one_in_japanese(tmp_path, in_language):
    """A user's bundle with only NAME.md shows that card in Japanese too; a NAME.ja.md beside it wins."""
    bundle = tmp_path / "mine.v2.mag"
    bundle.write_bytes(b"")
    (tmp_path / "mine.v2.md").write_text("# English card\n", encoding="utf-8")
    in_language("ja")
    assert bundle_picker.model_card_text("basic_rnn", str(bundle)) == "# English card\n"
    (tmp_path / "mine.v2.ja.md").write_text("# 日本語のカード\n", encoding="utf-8")
    assert bundle_picker.model_card_text("basic_rnn", str(bundle)) == "# 日本語のカード\n"
    assert bundle_picker.model_card_text("basic_rnn", str(bundle), "en") == "# English card\n"
