"""Fixtures of the generation tests: the window with its Generate dock, and tiny Improv RNN bundles."""

from __future__ import annotations

import pytest

from composer_app.gui.generation.session import attach_generation
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
