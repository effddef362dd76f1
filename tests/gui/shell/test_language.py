"""The app in Japanese and English: complete translation files, the system's locale, a switch at run time, the font."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QWidget,
)

from composer_app.gui.shell import language
from composer_app.models.rnn.configs import all_configs
from composer_app.music.chords import is_chord_symbol  # chord symbols (Am7, G7) are notation, not English
from tests.conftest import ROOT

I18N = ROOT / "composer_app" / "resources" / "i18n"
BIN = Path(sys.executable).parent
# Proper names and terms a Japanese user reads as they are: products, formats, Magenta's model families, key caps,
# the tracks' default names (Chords: the chord lane's own track, found by that name), and "English" (each language
# is named in itself in the language menu).
ALLOWED = {"Magenta", "Google", "MIDI", "FluidSynth", "SoundFont", "Composer", "DAW", "WAV", "FLAC", "MusicXML", "ABC",
           "General", "RNN", "MusicVAE", "GrooVAE", "English", "Melody", "Drums", "Improv", "Polyphony", "Performance", "Chords", "qpm", "Ctrl", "Shift", "Alt", "Delete", "OK", "mag", "mxl"}
# Model ids ("polyphony") are names too: a shipped bundle's file and the model it is for are shown by their id.
MODEL_IDS = {c.id for c in all_configs()}
NOTE_NAME = re.compile(r"^[A-G][#b]?-?\d*$")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
FILE_PATTERN = re.compile(r"\*?\.[A-Za-z0-9]+")


def english_words(text: str, data: tuple[str, ...] = ()) -> list[str]:
    """Words in `text` that are neither allowed names, note names, model ids, file patterns nor the user's data."""
    for item in data:
        text = text.replace(item, " ")
    text = FILE_PATTERN.sub(" ", text.replace("&", ""))
    return [w for w in WORD.findall(text) if len(w) > 1 and w not in ALLOWED and not NOTE_NAME.match(w)
            and "_" not in w and w not in MODEL_IDS and not re.fullmatch(r"F\d+", w) and not is_chord_symbol(w)]


def plain(text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can read in `root` and below: labels, buttons, items, tips, menus."""
    found: list[tuple[str, str]] = []

    def add(obj, text):
        if text:
            found.append((f"{type(obj).__name__} {obj.objectName()!r}", plain(text) if "<" in text else text))

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, widget.toolTip())
        add(widget, widget.statusTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        if isinstance(widget, QLineEdit) and widget.objectName() != "track_name":  # a track's name is the user's
            add(widget, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, (QDockWidget, QToolBar)) or widget.isWindow():
            add(widget, widget.windowTitle())
        # Bundle combos list .mag file names (the user's, and the shipped NAME.mag): not words to translate.
        if isinstance(widget, QComboBox) and widget.objectName() != "result_history" and \
                not widget.objectName().endswith("bundle_combo"):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        if isinstance(widget, QMenu):
            add(widget, widget.title())
    for action in root.findChildren(QAction):
        for text in (action.text(), action.toolTip(), action.statusTip()):
            add(action, text)
    return found


def untranslated(root: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    """Every readable text under `root` that still holds English words, with where it is."""
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # rows replaced by a rebuild are gone
    bad = []
    for where, text in visible_texts(root):
        if "bundle_info" in where:
            text = text.split("\n")[0]  # its second line is the bundle's own description, written by its maker
        if "transport_status" in where:
            text = text.split("：")[0]  # the sound device's own reason follows the colon
        words = english_words(text, data)
        if words:
            bad.append(f"{where}: {text!r} {words}")
    return bad


@pytest.fixture
def japanese():
    """The app in Japanese for one test (the window reads it from Preferences), then back in English."""
    from composer_app.gui.shell.settings import AppSettings, Preferences

    AppSettings().save_preferences(Preferences(language="ja"))
    language.install_language("ja")
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
    yield
    language.install_language("en")
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)


def _lrelease(ts: Path, qm: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", "-fail-on-unfinished", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True)


# -- the translation files -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["composer_ja", "composer_en"])
def test_translations_are_finished_and_the_shipped_qm_matches_its_source(name, tmp_path):
    """lrelease -fail-on-unfinished compiles each .ts, and gives exactly the .qm the app ships."""
    out = _lrelease(I18N / f"{name}.ts", tmp_path / f"{name}.qm")
    assert out.returncode == 0, out.stdout + out.stderr
    assert (tmp_path / f"{name}.qm").read_bytes() == (I18N / f"{name}.qm").read_bytes(), \
        "run scripts/update-translations.sh"


def test_every_visible_string_of_the_gui_is_in_the_japanese_sources(tmp_path):
    """lupdate over the GUI finds no string the Japanese file lacks: a new string fails until it is translated."""
    ts = tmp_path / "composer_ja.ts"
    shutil.copy(I18N / "composer_ja.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "composer_app" / "gui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language",
                    "ja_JP", *sources, "-ts", str(ts)], check=True, capture_output=True)
    out = _lrelease(ts, tmp_path / "check.qm")
    assert out.returncode == 0, "untranslated strings (run scripts/update-translations.sh): " + out.stderr


def test_japanese_uses_the_course_terms_consistently():
    """The Magenta course's terms are used for its concepts, and one concept keeps one word."""
    root = ET.parse(I18N / "composer_ja.ts").getroot()
    pairs = {m.findtext("source"): "".join(m.find("translation").itertext()).strip() for m in root.iter("message")}
    expected = {"Primer": "プライマー", "Temperature": "温度", "Beam size": "ビーム幅", "Bundle": "バンドル",
                "Generate": "生成", "Variations": "バリエーション", "Seed": "シード", "%n bar(s)": "%n 小節"}
    assert {k: pairs[k] for k in expected} == expected
    for source, words in (("primer", "プライマー"), ("bundle", "バンドル"), ("temperature", "温度"), ("held-out", "評価用")):
        with_term = [(s, t) for s, t in pairs.items() if re.search(rf"\b{source}\b", s, re.I) and "%" not in s
                     and "improv" not in s.lower()]
        assert with_term and all(words in t for _s, t in with_term), [p for p in with_term if words not in p[1]]


def test_every_model_and_instrument_name_is_marked_for_translation():
    """The panel's models, Magenta's scales and every General MIDI name are listed for the translation files."""
    from composer_app.gui.generation import model_texts
    from composer_app.gui.song import instruments
    from composer_app.models.rnn.configs import all_configs
    from composer_app.music.encodings.drums import DRUM_TYPE_NAMES, GM_DRUM_NAMES
    from composer_app.music.gm import PROGRAM_NAMES
    from composer_app.music.scales import SCALE_CHOICES

    listed = set(model_texts.MODEL_TEXTS) | set(model_texts.SCALE_NAMES)
    assert {text for c in all_configs() for text in (c.title, c.description)} | set(SCALE_CHOICES) <= listed
    assert instruments.GM_PROGRAMS == PROGRAM_NAMES
    assert set(instruments.GM_DRUMS) | set(instruments.DRUM_CLASSES) == set(GM_DRUM_NAMES.values()) | \
        set(DRUM_TYPE_NAMES)
    for path in (model_texts.__file__, instruments.__file__):  # literal strings, so that lupdate sees them
        calls = [n for n in ast.walk(ast.parse(Path(path).read_text())) if isinstance(n, ast.Call)
                 and getattr(n.func, "id", "") == "QT_TRANSLATE_NOOP"]
        assert calls and all(isinstance(c.args[1], ast.Constant) for c in calls)


# -- the language chosen ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [("ja_JP.UTF-8", "ja"), ("en_US.UTF-8", "en"), ("C", "en")])
def test_the_system_locale_chooses_the_language(lang, expected):
    """LANG=ja_JP.UTF-8 starts the app in Japanese; any other locale in English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from composer_app.gui.shell.language import resolve; print(resolve(''))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == expected


def test_a_named_language_wins_over_the_system():
    """A language chosen in Preferences is used whatever the locale; an unknown one follows the system."""
    assert language.resolve("ja") == "ja" and language.resolve("en") == "en"
    assert language.resolve("xx") == language.system_language()


# -- the running window ---------------------------------------------------------------------------------------------

def _full_window(qtbot):
    from composer_app.gui.generation.session import attach_generation
    from composer_app.gui.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.show()
    window.generation = attach_generation(window)
    from composer_app.gui.training.session import attach_training

    window.training = attach_training(window)
    window.open_demo(ask=False)  # the first-steps bar too
    return window


def _dialogs(window) -> list[QWidget]:
    """The dialogs a user can open from the window, built as they would be (not run)."""
    import time

    from composer_app.gui.generation.bundle_picker import model_card_box
    from composer_app.gui.project.autosave import RecoveryFile
    from composer_app.gui.shell.preferences_dialog import PreferencesDialog
    from composer_app.gui.shell.recovery_dialog import RecoveryDialog

    found = RecoveryFile(Path("x.json"), time.time(), None, "Song", tracks=2, notes=5)
    return [PreferencesDialog(window.prefs, window), model_card_box(window, "basic_rnn", None),
            RecoveryDialog([found], window)]


def test_the_window_in_japanese_has_no_english_left(qtbot, japanese):
    """Every widget, action, menu and panel of a running window, and its dialogs, read in Japanese."""
    window = _full_window(qtbot)
    window.track_list.add_track()  # an edit, so that Undo names one
    names = (*(t.name for t in window.document.song.tracks), "Song")
    bad = untranslated(window, names)
    for dialog in _dialogs(window):
        # A model card's body is the card writer's Markdown (a shipped card's Japanese keeps its dataset names,
        # hparams and command lines as they are); its frame is ours.
        card_body = dialog.objectName() == "model_card"
        bad += [f"{type(dialog).__name__}: {b}" for b in untranslated(dialog, names)
                if not (card_body and "qt_msgbox_label" in b)]
        dialog.deleteLater()
    from composer_app.gui.shell.window_menus import shortcut_help_html

    bad += [f"shortcuts: {w}" for w in english_words(plain(shortcut_help_html()))]
    assert bad == []
    assert window.action_undo.text().startswith("元に戻す")


def test_the_language_switches_at_run_time_in_every_open_widget(qtbot):
    """Choosing Japanese in Preferences retranslates the open window at once; English comes back the same way."""
    language.install_language("en")
    window = _full_window(qtbot)
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"
    window.set_preferences(replace(window.prefs, language="ja"))
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
    try:
        assert file_menu.text() == "ファイル(&F)"
        assert window.generation.panel.generate_button.text() == "生成"
        # The demo's name is given in the language it was opened in, as a file keeps its name.
        left = untranslated(window, (*(t.name for t in window.document.song.tracks), "Demo"))
        assert left == [], left[:20]
    finally:
        window.set_preferences(replace(window.prefs, language="en"))
        QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
    assert file_menu.text() == "&File" and window.generation.panel.generate_button.text() == "Generate"
    assert window.song_summary.text().count("note") >= 1


def test_english_plurals_come_from_the_english_file(qtbot):
    """English shows "1 bar" and "2 bars" from one source string."""
    from composer_app.gui.shell.i18n import tr

    language.install_language("en")
    assert (tr("%n bar(s)", "", 1), tr("%n bar(s)", "", 2)) == ("1 bar", "2 bars")


def test_japanese_text_renders_with_the_bundled_font(japanese):
    """The bundled IPAex Gothic is registered and in the app font's fallbacks, and it has the kanji the UI uses."""
    families = language.register_japanese_font()
    assert families and families[0] in QApplication.font().families()
    metrics = QFontMetrics(QFont(families[0]))
    assert all(metrics.inFontUcs4(ord(c)) for c in "生成温度小節ステップ")
    licence = language.JAPANESE_FONT.with_name("IPA_Font_License_Agreement_v1.0.txt")
    assert "IPA Font License Agreement v1.0" in licence.read_text(encoding="utf-8")


def test_the_shipped_bundles_descriptions_read_in_japanese(japanese):
    """Each shipped bundle's own line (training data, steps, held-out figures) is shown in Japanese, numbers kept."""
    from composer_app.gui.generation.bundle_picker import bundle_header
    from composer_app.gui.generation.model_texts import bundle_text
    from composer_app.models.rnn.bundle import shipped_bundle_path
    from composer_app.models.rnn.configs import all_configs

    names = ("composer-app", "OpenScore Lieder", "OpenEWLD", "O'Neill's", "Ryan's Mammoth", "Aird's Airs",
             "Groove MIDI Dataset", "CC BY-NC-SA", "CC BY", "CC0", "Gillick", "music21", "ASAP")
    shipped = [shipped_bundle_path(c.id) for c in all_configs() if shipped_bundle_path(c.id).exists()]
    assert len(shipped) >= 6
    for path in shipped:
        line = bundle_header(path)[2]
        shown = bundle_text(line)
        assert not english_words(shown, names), (path.name, shown)
        assert re.findall(r"\d+(?:\.\d+)?", shown) == re.findall(r"\d+(?:\.\d+)?", line)
