"""The MusicVAE fixtures made by Magenta that live with the tests (tests/models/musicvae/data/magenta/)."""

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "magenta"


def data_path(name: str) -> Path:
    """A file of the folder; the fixtures are committed, so a missing one fails the test rather than skipping it."""
    path = DATA / name
    if not path.exists():
        pytest.fail(f"Magenta fixture {name} not found in {DATA}")
    return path


def golden(name: str) -> dict:
    return json.loads(data_path(name + ".json").read_text())
