"""The MusicVAE checkpoints the app ships, in the Generate dock: listed by config from the start, loaded when chosen
(as the config they are named after), sampled from, and their model cards shown in the UI's language."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.generation import bundle_picker
from composer_app.gui.generation.musicvae.panel import GROOVE, SAMPLE
from composer_app.models.musicvae import shipped
from tests.conftest import shared_path
from tests.gui.generation.conftest import shown_card

MELODY, TAP = "MusicVAE 2-bar melody (shipped)", "GrooVAE: drumify a tapped rhythm (2 bars) (shipped)"
BAR = 3840


@pytest.fixture
def shipped_folder(tmp_path, monkeypatch):
    """Tiny Magenta checkpoints installed as the app's shipped ones (request it before `generation`): the melody
    model with an English and a Japanese card, a GrooVAE shipped as tap2drum with an English card only."""
    folder = tmp_path / "musicvae"
    folder.mkdir()
    for name, config_id in (("mel2bar_tiny", "cat-mel_2bar_small"),
                            ("groovae_humanize_tiny", "groovae_2bar_tap_fixed_velocity")):
        shutil.copyfile(shared_path("fixtures", "magenta-vae", name + ".tar"), folder / f"{config_id}.tar")
        (folder / f"{config_id}.md").write_text(f"# {config_id}\n\nThe English card.\n", encoding="utf-8")
    (folder / "cat-mel_2bar_small.ja.md").write_text("# cat-mel_2bar_small\n\n日本語のカード。\n", encoding="utf-8")
    monkeypatch.setattr(shipped, "SHIPPED_VAE_DIR", folder)
    return folder



def _items(panel) -> list[str]:
    combo = panel.checkpoint_combo
    return [combo.itemText(i) for i in range(combo.count())]


def _choose(qtbot, panel, text: str) -> None:
    """Pick an entry of the checkpoint list as a user does, and wait for it to load."""
    combo = panel.checkpoint_combo
    index = _items(panel).index(text)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: panel.path is not None and not panel.cancel_button.isEnabled(), timeout=60_000)



def test_shipped_checkpoints_are_listed_at_start_without_loading(shipped_folder, window, generation):
    """Both shipped models are in the list by their config's name before anything is opened, the first one chosen;
    none is loaded while the MusicVAE tab has not been shown."""
    panel = generation.vae_panel
    assert _items(panel) == [MELODY, TAP, "Open checkpoint…", "Open checkpoint folder…"]
    assert panel.checkpoint_combo.currentText() == MELODY and panel.card_button.isEnabled()
    assert panel.path is None and not panel.generate_button.isEnabled() and generation.vae.loaded == {}
    assert "Choose a checkpoint the app ships" in panel.status.text()


def test_showing_the_tab_loads_the_first_shipped_model_once(shipped_folder, window, qtbot, generation):
    """Bringing the MusicVAE tab to the front loads the chosen shipped model, so Generate works without a choice;
    showing the tab again loads nothing more."""
    panel = generation.vae_panel
    tabs = panel.parentWidget()
    while not hasattr(tabs, "setCurrentWidget"):
        tabs = tabs.parentWidget()
    tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.path is not None and not panel.cancel_button.isEnabled(), timeout=60_000)
    assert panel.path == str(shipped_folder / "cat-mel_2bar_small.tar") and panel.generate_button.isEnabled()
    assert list(generation.vae.loaded) == [panel.path]
    tabs.setCurrentIndex(0)
    tabs.setCurrentWidget(panel)
    assert not panel.cancel_button.isEnabled() and len(generation.vae.queue.pending()) == 0


def test_a_file_opened_while_the_first_model_loads_stays_chosen(shipped_folder, window, qtbot, generation):
    """The start-up choice gives way: a checkpoint the user opens is chosen even when the shipped one loads last."""
    panel = generation.vae_panel
    opened = str(shared_path("fixtures", "magenta-vae", "drums2bar_tiny.tar"))
    panel.checkpoints.add(opened, "drums", "cat-drums_2bar_small", ())  # as if it loaded first
    panel.checkpoints.add(str(shipped_folder / "cat-mel_2bar_small.tar"), "melody", "cat-mel_2bar_small", ())
    assert panel.checkpoint_combo.currentText() == "drums2bar_tiny.tar"


def test_a_shipped_melody_model_loads_when_chosen_and_samples(shipped_folder, window, qtbot, generation):
    """Choosing the shipped melody model loads it as cat-mel_2bar_small; Sample puts clips in the strip to Keep."""
    panel = generation.vae_panel
    _choose(qtbot, panel, MELODY)
    assert panel.path == str(shipped_folder / "cat-mel_2bar_small.tar")
    assert panel.checkpoint_combo.currentText() == MELODY and MELODY in _items(panel)
    assert panel.config_combo.currentText() == "cat-mel_2bar_small" and not panel.config_combo.isEnabled()
    window.document.set_current_track(0)
    window.editor.set_playhead(2 * BAR)
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData(SAMPLE))
    panel.seed.setValue(11)
    panel.seed.lock.setChecked(True)
    panel.num_outputs.setValue(2)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1 or "color" in panel.status.styleSheet(), timeout=120_000)
    assert len(generation.strip.sets) == 1, panel.status.text()
    cards = generation.strip.cards
    assert len(cards) == 2 and any(c.view.new_notes for c in cards)
    view = next(c.view for c in cards if c.view.new_notes)
    assert all(2 * BAR <= n.start < 4 * BAR for n in view.new_notes)
    assert "cat-mel_2bar_small" in generation.strip.history.currentText()


def test_a_shipped_groovae_is_its_named_variant_with_no_config_question(shipped_folder, qtbot, generation):
    """Tensors that fit every 2-bar GrooVAE load as the shipped file's variant (tap2drum); no config to choose."""
    panel = generation.vae_panel
    _choose(qtbot, panel, TAP)
    assert generation.vae.loaded[panel.path].config.id == "groovae_2bar_tap_fixed_velocity"
    assert panel.config_combo.count() == 1 and not panel.config_combo.isEnabled()
    assert panel.tool == GROOVE and "tapped" in panel.tool_help.text()


def test_the_model_card_follows_the_language_and_falls_back_to_english(shipped_folder, monkeypatch, qtbot,
                                                                       generation, in_language):
    """Model card… shows the Japanese card in Japanese, the English one in English, and the English card of a
    model that ships none in Japanese; it is offered only for a checkpoint with a card."""
    panel = generation.vae_panel
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(bundle_picker.CardBox, "exec",
                        lambda box: shown.append((box.windowTitle(), shown_card(box))) or 0)
    _choose(qtbot, panel, MELODY)
    assert panel.card_button.isEnabled()
    for code in ("ja", "en"):
        in_language(code)
        QTest.mouseClick(panel.card_button, Qt.LeftButton)
    (ja_title, japanese), (en_title, english) = shown
    assert "日本語のカード" in japanese and "English card" in english and "日本語" not in english
    assert en_title == "Model card: MusicVAE 2-bar melody" and ja_title != en_title
    in_language("ja")
    assert "MusicVAE 2 小節メロディー（同梱）" in _items(panel) and MELODY not in _items(panel)
    assert panel.card_button.text() != "Model card…"
    combo = panel.checkpoint_combo
    index = combo.findData(str(shipped_folder / "groovae_2bar_tap_fixed_velocity.tar"))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    QTest.mouseClick(panel.card_button, Qt.LeftButton)
    assert "English card" in shown[-1][1]


def test_an_opened_checkpoint_is_listed_before_the_shipped_ones(shipped_folder, qtbot, generation):
    """A checkpoint opened from a file loads alone and is chosen; the shipped ones stay in the list after it."""
    panel = generation.vae_panel
    generation.open_checkpoint(str(shared_path("fixtures", "magenta-vae", "drums2bar_tiny.tar")))
    qtbot.waitUntil(lambda: panel.path is not None and not panel.cancel_button.isEnabled(), timeout=60_000)
    assert _items(panel)[:3] == ["drums2bar_tiny.tar", MELODY, TAP]
    assert len(generation.vae.loaded) == 1  # showing the tab for the file did not load the first shipped model
    assert panel.checkpoint_combo.currentText() == "drums2bar_tiny.tar"
    assert panel.config_combo.currentText() == "cat-drums_2bar_small" and not panel.card_button.isEnabled()


def test_without_shipped_checkpoints_the_list_is_as_before(tmp_path, monkeypatch, window, generation):
    """No shipped checkpoint (the folder empty or missing): only the Open entries, and no card to show."""
    monkeypatch.setattr(shipped, "SHIPPED_VAE_DIR", tmp_path / "missing")
    panel = type(generation.vae_panel)()
    assert _items(panel) == ["No checkpoint opened", "Open checkpoint…", "Open checkpoint folder…"]
    assert not panel.card_button.isEnabled() and panel.checkpoints.shipped == {}
    assert panel.status.text().startswith("Open a Magenta MusicVAE checkpoint")
    panel.deleteLater()
