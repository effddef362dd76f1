"""Shared test helpers: where the project's shared data lives, and skipping cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# COMPOSER_TEST_SHARED=/nowhere runs the suite as a clone without ../shared does.
SHARED = Path(os.environ.get("COMPOSER_TEST_SHARED", ROOT / ".." / "shared")).resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test with a clear reason if it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (the ../shared folder beside the project)")
    return path


@pytest.fixture
def shared():
    return shared_path
