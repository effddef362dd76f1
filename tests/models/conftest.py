"""Fixtures for model tests: Magenta's own tiny bundles and their golden vectors."""

import json

import pytest

from tests.conftest import shared_path

FIXTURES = {
    "basic_rnn": "basic_tiny",
    "lookback_rnn": "lookback_tiny",
    "attention_rnn": "attention_tiny",
    "mono_rnn": "mono_tiny",
    "drum_kit": "drum_kit_tiny",
}


def fixture_bundle_path(config_id: str):
    return shared_path("fixtures", "magenta", FIXTURES[config_id] + ".mag")


def bundle_path(config_id: str):
    """Magenta's own tiny bundle when ../shared is here, else the bundle this app ships: for tests that need a
    bundle of the model, not its golden vectors, so they run on a clone without ../shared too."""
    from composer_app.models.rnn.bundle import shipped_bundle_path
    from tests.conftest import SHARED

    if config_id in FIXTURES:
        path = SHARED / "fixtures" / "magenta" / (FIXTURES[config_id] + ".mag")
        if path.exists():
            return path
    return shipped_bundle_path(config_id)


def fixture_golden(config_id: str) -> dict:
    data = json.loads(shared_path("fixtures", "magenta", FIXTURES[config_id] + ".json").read_text())
    if data["events"] and isinstance(data["events"][0], list):
        data["events"] = [frozenset(e) for e in data["events"]]
    return data


@pytest.fixture(scope="session")
def bundles():
    """A loaded bundle per model (see bundle_path), once per session."""
    from composer_app.models.rnn.bundle import read_bundle

    return {cid: read_bundle(bundle_path(cid)) for cid in FIXTURES}


@pytest.fixture(scope="session")
def tiny_bundles():
    """The five Magenta-made bundles, loaded once per session."""
    from composer_app.models.rnn.bundle import read_bundle

    return {cid: read_bundle(fixture_bundle_path(cid)) for cid in FIXTURES}
