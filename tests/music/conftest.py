"""Fixtures for the music-core tests: the shared Magenta fixtures and note_seq 0.0.5 as a reference."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[2] / ".." / "shared"
MAGENTA_FIXTURES_DIR = SHARED_DIR / "fixtures" / "magenta"


class _Anything:
    """Stands in for any attribute of a stubbed module: callable, subclassable, indexable."""

    def __call__(self, *args, **kwargs):
        return _Anything()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Anything()

    def __mro_entries__(self, bases):
        return (object,)

    def __getitem__(self, key):
        return _Anything()


class _StubModule(types.ModuleType):
    """A module that answers every attribute, for imports note_seq makes but our tests never use."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Anything()


def _missing(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True


def _purge(prefix: str) -> None:
    for key in [k for k in sys.modules if k == prefix or k.startswith(prefix + ".")]:
        del sys.modules[key]


def _install_stub(name: str, stubbed: list[str]) -> None:
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        sub = ".".join(parts[:depth])
        if sub in sys.modules:
            continue
        if depth == 1 and not _missing(sub):
            # The real package exists; only its submodule is missing, which is not ours to fake.
            raise ModuleNotFoundError(f"{name} is missing from the installed {sub}")
        module = _StubModule(sub)
        module.__path__ = []
        sys.modules[sub] = module
        stubbed.append(sub)
        if depth > 1:
            setattr(sys.modules[".".join(parts[: depth - 1])], parts[depth - 1], module)


def load_note_seq():
    """Import note_seq 0.0.5, faking only the heavy optional modules that are not installed.

    The fakes are removed from sys.modules again afterwards (note_seq keeps its own references), so
    other tests that probe for scipy, pandas and the like still see them as absent.
    """
    if "note_seq" in sys.modules and hasattr(sys.modules["note_seq"], "Melody"):
        return sys.modules["note_seq"]
    if importlib.util.find_spec("note_seq") is None:
        pytest.skip("note_seq is not installed (pip install --no-deps note-seq==0.0.5 to compare with it)")
    stubbed: list[str] = []
    retried_protobuf = False
    try:
        for _ in range(60):
            try:
                module = importlib.import_module("note_seq")
                break
            except ModuleNotFoundError as exc:
                if not exc.name or exc.name.split(".")[0] == "note_seq":
                    raise
                _purge("note_seq")
                _install_stub(exc.name, stubbed)
            except TypeError as exc:
                # Old generated protobuf code under a new protobuf runtime: the pure-python
                # implementation still accepts it, but only if chosen before protobuf loads.
                if retried_protobuf or "Descriptors cannot be created directly" not in str(exc):
                    raise
                retried_protobuf = True
                os.environ["PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"] = "python"
                _purge("note_seq")
                _purge("google.protobuf")
        else:
            pytest.fail(f"note_seq kept asking for more missing modules: {stubbed}")
    finally:
        for name in stubbed:
            sys.modules.pop(name, None)
    return module


@pytest.fixture(scope="session")
def note_seq():
    """The note_seq package (skips if not installed)."""
    return load_note_seq()


@pytest.fixture(scope="session")
def magenta_fixtures_dir() -> Path:
    """<repo>/../shared/fixtures/magenta (skips if the shared folder is absent)."""
    if not MAGENTA_FIXTURES_DIR.is_dir():
        pytest.skip(f"shared Magenta fixtures not found at {MAGENTA_FIXTURES_DIR.resolve()}")
    return MAGENTA_FIXTURES_DIR
