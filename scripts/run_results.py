"""A training run's result kept beside its run folder as plain JSON: written by the training scripts,
read back with attribute access by the scripts that compare runs and finish shipped bundles."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

RESULT_FILE = "result.json"


class Fields(dict):
    """A JSON object whose keys read as attributes too (result.held_out.perplexity, result.hparams.items())."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


def _plain(value):
    if dataclasses.is_dataclass(value):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        # Derived figures (a held-out perplexity) are kept too, so readers need no code of the app's.
        derived = [n for n in dir(type(value)) if isinstance(getattr(type(value), n), property) and n[0] != "_"]
        return out | {n: _plain(getattr(value, n)) for n in derived}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _fields(value):
    if isinstance(value, dict):
        return Fields({k: _fields(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_fields(v) for v in value]
    return value


def save_result(result, run: Path) -> Path:
    path = Path(run) / RESULT_FILE
    path.write_text(json.dumps(_plain(result), indent=1))
    return path


def load_result(run: Path) -> Fields:
    """The result with `bundle` and `card` as Paths, everything else as read."""
    result = _fields(json.loads((Path(run) / RESULT_FILE).read_text()))
    result.bundle, result.card = Path(result.bundle), Path(result.card)
    return result
