"""Shared test helpers: where the project's shared data lives, and skipping cleanly when it is absent."""

from __future__ import annotations

import os
import sys
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


# The app's tests check that generation never imports TensorFlow; a test module importing it while the suite is
# collected would make those checks depend on the order files are collected in. Name the module at once instead.
_TENSORFLOW_CLEAN_AT_START = "tensorflow" not in sys.modules


def pytest_collectreport(report):
    if _TENSORFLOW_CLEAN_AT_START and "tensorflow" in sys.modules and not getattr(pytest_collectreport, "said", 0):
        pytest_collectreport.said = 1
        raise pytest.UsageError(f"collecting {report.nodeid} imported TensorFlow: import it inside the tests that "
                                "train (a fixture or the test body), so the suite's no-TensorFlow checks hold")
