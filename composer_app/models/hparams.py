"""Hyperparameters of an events RNN, frozen, with Magenta's `--hparams "a=1,b=[2,3]"` syntax."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from composer_app.models.errors import HParamsError
from composer_app.said import said


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
        """These hparams with `--hparams` text applied; HParamsError names a value no model could train with."""
        if not text:
            return self
        values = parse_hparams(text)
        for name, value in values.items():
            low, high, rule = LIMITS[name]
            numbers = value if isinstance(value, tuple) else (value,)
            if not all(low <= v <= high for v in numbers):
                raise HParamsError(said("hparam {name}={value} is out of range: {rule}").format(
                    name=name, value=_shown(value), rule=rule))
        return dataclasses.replace(self, **values)


# (lowest, highest, the rule in words): values outside make training fail, or fill the machine's memory.
LIMITS = {
    "batch_size": (1, 4096, said("a batch holds 1 to 4096 sequences")),
    "rnn_layer_sizes": (1, 4096, said("each layer has 1 to 4096 units")),
    "dropout_keep_prob": (1e-6, 1.0, said("the keep probability is above 0 and at most 1")),
    "attn_length": (0, 4096, said("the attention length is 0 (none) to 4096 steps")),
    "clip_norm": (0.0, 1e6, said("the gradient clip norm is 0 or more")),
    "learning_rate": (1e-12, 10.0, said("the learning rate is above 0 and at most 10")),
    "residual_connections": (False, True, said("true or false")),
}


def _shown(value) -> str:
    return "[" + ",".join(str(v) for v in value) + "]" if isinstance(value, tuple) else str(value)


_ITEM = re.compile(r"\s*([A-Za-z_]\w*)\s*=\s*(\[[^\]]*\]|[^,]*)\s*(?:,|$)")


def parse_hparams(text: str, fields: type = HParams, error: type[HParamsError] = HParamsError) -> dict:
    """Parse "batch_size=64,rnn_layer_sizes=[64,64]" into values of the frozen dataclass `fields`' fields, typed as
    they are; `error` (an HParamsError) names the bad part."""
    types = {f.name: f.type for f in dataclasses.fields(fields)}
    values: dict = {}
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _ITEM.match(text, pos)
        if not m or m.end() == pos:
            raise error(said("cannot read hparams at {rest!r}; expected name=value[,name=value]").format(
                rest=text[pos:]))
        name, raw = m.group(1), m.group(2).strip()
        if name not in types:
            raise error(said("unknown hparam {name!r}; known: {known}").format(
                name=name, known=", ".join(sorted(types))))
        try:
            values[name] = _convert(name, raw, types[name])
        except HParamsError as exc:
            raise error(exc.args[0]) from None
        pos = m.end()
    return values


def _convert(name: str, raw: str, kind: str):
    if kind == "str":
        return raw.strip("'\"")
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
        raise HParamsError(said("bad value {raw!r} for hparam {name!r}").format(raw=raw, name=name)) from None
