"""Fixtures of the generation tests: tiny Improv RNN bundles, written once per session."""

from __future__ import annotations

import pytest

from tests.gui.generation.improv_helpers import tiny_improv_bundle


@pytest.fixture(scope="session")
def improv_bundle(tmp_path_factory):
    """improv_bundle(config_id) gives that config's tiny bundle (written in a child process, once per session)."""
    made = {}

    def get(config_id: str = "chord_pitches_improv"):
        if config_id not in made:
            made[config_id] = tiny_improv_bundle(tmp_path_factory.mktemp("improv"), config_id)
        return made[config_id]

    return get
