"""Hyperparameters of an events RNN, frozen, with Magenta's `--hparams "a=1,b=[2,3]"` syntax."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from composer_app.models.errors import HParamsError


@dataclass(frozen=True)
class HParams:
    """Magenta's events-RNN hyperparameters (names as in its configs)."""

    batch_size: int = 128
    rnn_layer_sizes: tuple[int, ...] = (128, 128)
    dropout_keep_prob: float = 0.5
    attn_length: int = 0
    clip_norm: float = 5.0
    learning_rate: float = 0.001
    residual_connections: bool = False

    def with_overrides(self, text: str | None) -> HParams:
        return dataclasses.replace(self, **parse_hparams(text)) if text else self


_FIELD_TYPES = {f.name: f.type for f in dataclasses.fields(HParams)}
_ITEM = re.compile(r"\s*([A-Za-z_]\w*)\s*=\s*(\[[^\]]*\]|[^,]*)\s*(?:,|$)")


def parse_hparams(text: str) -> dict:
    """Parse "batch_size=64,rnn_layer_sizes=[64,64]" into checked field values; HParamsError names the bad part."""
    values: dict = {}
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _ITEM.match(text, pos)
        if not m or m.end() == pos:
            raise HParamsError(f"cannot read hparams at {text[pos:]!r}; expected name=value[,name=value]")
        name, raw = m.group(1), m.group(2).strip()
        if name not in _FIELD_TYPES:
            raise HParamsError(f"unknown hparam {name!r}; known: {', '.join(sorted(_FIELD_TYPES))}")
        values[name] = _convert(name, raw)
        pos = m.end()
    return values


def _convert(name: str, raw: str):
    kind = _FIELD_TYPES[name]
    try:
        if kind == "tuple[int, ...]":
            inner = raw.strip("[] ")
            sizes = tuple(int(x) for x in inner.split(",") if x.strip())
            if not sizes or any(s <= 0 for s in sizes):
                raise ValueError
            return sizes
        if kind == "bool":
            if raw.lower() not in ("true", "false", "1", "0"):
                raise ValueError
            return raw.lower() in ("true", "1")
        if kind == "int":
            return int(raw)
        return float(raw)
    except ValueError:
        raise HParamsError(f"bad value {raw!r} for hparam {name!r}") from None
