"""Fixtures of the generation tests: the window with its Generate dock, tiny bundles, and shipped ones (or none)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from composer_app.gui.generation.session import attach_generation
from tests.gui.generation.families_helpers import ship, ship_from
from tests.gui.generation.improv_helpers import tiny_improv_bundle


@pytest.fixture
def generation(window):
    """The real window with the Generate dock attached, as the app attaches it; its workers stop afterwards."""
    session = attach_generation(window)
    window.generation = session
    yield session
    assert session.shutdown()


@pytest.fixture(scope="session")
def improv_bundle(tmp_path_factory):
    """improv_bundle(config_id) gives that config's tiny bundle (written in a child process, once per session)."""
    made = {}

    def get(config_id: str = "chord_pitches_improv"):
        if config_id not in made:
            made[config_id] = tiny_improv_bundle(tmp_path_factory.mktemp("improv"), config_id)
        return made[config_id]

    return get


@pytest.fixture
def shipped_families(tmp_path_factory, monkeypatch, improv_bundle):
    """Tiny Polyphony and Performance bundles installed as the app's shipped ones (request it before `generation`,
    so that the panels are made with them); gives their paths by config id."""
    folder = tmp_path_factory.mktemp("shipped")
    paths = {config_id: ship(folder, config_id, improv_bundle(config_id))
             for config_id in ("polyphony", "performance_with_dynamics")}
    ship_from(monkeypatch, folder)
    return paths


@pytest.fixture
def no_shipped_families(tmp_path, monkeypatch):
    """No shipped bundle installed at all (as before the app shipped Polyphony and Performance bundles)."""
    ship_from(monkeypatch, tmp_path / "none")


@pytest.fixture
def in_language():
    """Switch the app's language for one test (posting Qt's LanguageChange), and leave it in English after."""
    from composer_app.gui.shell import language

    def switch(code: str) -> None:
        language.install_language(code)
        QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)

    yield switch
    switch("en")


def shown_card(box) -> str:
    """The plain text of a model card's message box."""
    doc = QTextDocument()
    doc.setHtml(box.findChild(QLabel, "qt_msgbox_label").text())
    return doc.toPlainText()
