"""An events RNN's weights in one canonical form, mapped from every variable layout Magenta bundles use.

Layouts (decided from the variable list, never from a file name):
- "layer0": attention wraps the first LSTM layer (Magenta since 2017):
  rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/{kernel,bias,basic_lstm_cell/..,attention/..,attn_output_projection/..}
- "stack": attention wraps the whole multi-layer cell (older bundles such as the published drum_kit_rnn.mag):
  rnn/attention_cell_wrapper/{kernel,bias,multi_rnn_cell/cell_k/basic_lstm_cell/..,attention/..,
  attention_output_projection/.. or attn_output_projection/..}
- "none": plain stacked LSTMs: rnn/multi_rnn_cell/cell_k/basic_lstm_cell/{kernel,bias}
TF before 1.2 named kernels and biases `weights` and `biases`; both spellings are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from composer_app.models.errors import BundleError

LAYOUTS = ("none", "layer0", "stack")


class WeightsError(BundleError):
    """The variables do not form an events RNN this app understands (the caller adds the file name)."""

    def __init__(self, problem: str):
        super().__init__(None, problem)


@dataclass(frozen=True)
class LstmWeights:
    kernel: np.ndarray = field(repr=False)  # [input + units, 4 * units], gates i, j, f, o
    bias: np.ndarray = field(repr=False)  # [4 * units]

    @property
    def units(self) -> int:
        return self.bias.shape[0] // 4


@dataclass(frozen=True)
class AttentionWeights:
    input_kernel: np.ndarray = field(repr=False)  # [input + attn_size, input]: projects [input, attns]
    input_bias: np.ndarray = field(repr=False)
    query_kernel: np.ndarray = field(repr=False)  # [query, attn_vec]
    query_bias: np.ndarray = field(repr=False)
    attn_w: np.ndarray = field(repr=False)  # [attn_size, attn_vec] (a 1x1 convolution in TF)
    attn_v: np.ndarray = field(repr=False)  # [attn_vec]
    output_kernel: np.ndarray = field(repr=False)  # [cell_output + attn_size, attn_size]
    output_bias: np.ndarray = field(repr=False)
    output_scope: str = "attn_output_projection"

    @property
    def attn_size(self) -> int:
        return self.output_bias.shape[0]


@dataclass(frozen=True)
class RnnWeights:
    """Everything needed to run the network, plus the attention history length from the metagraph."""

    layers: tuple[LstmWeights, ...]
    softmax_kernel: np.ndarray = field(repr=False)  # fully_connected/weights [top, classes]
    softmax_bias: np.ndarray = field(repr=False)
    layout: str = "none"
    attention: AttentionWeights | None = None
    attn_length: int = 0

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        return tuple(layer.units for layer in self.layers)

    @property
    def num_classes(self) -> int:
        return self.softmax_bias.shape[0]

    @property
    def input_size(self) -> int:
        if self.attention is not None:
            return self.attention.input_bias.shape[0]
        return self.layers[0].kernel.shape[0] - self.layers[0].units

    def describe(self) -> dict:
        return {
            "layout": self.layout,
            "layer_sizes": list(self.layer_sizes),
            "attn_length": self.attn_length,
            "input_size": self.input_size,
            "num_classes": self.num_classes,
        }


def _canonical_name(name: str) -> str:
    if name.startswith("fully_connected/"):
        return name
    return re.sub(r"/weights$", "/kernel", re.sub(r"/biases$", "/bias", name))


def detect_layout(names) -> str:
    names = [_canonical_name(n) for n in names]
    if any(n.startswith("rnn/attention_cell_wrapper/") for n in names):
        return "stack"
    if any(n.startswith("rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/") for n in names):
        return "layer0"
    return "none"


def weights_from_variables(variables: dict[str, np.ndarray], attn_length: int = 0) -> RnnWeights:
    """Build RnnWeights from checkpoint variables (optimizer slots and counters are ignored)."""
    var = {_canonical_name(k): np.asarray(v, dtype=np.float32) for k, v in variables.items()
           if "Adam" not in k and not k.startswith(("global_step", "beta1_power", "beta2_power"))}
    layout = detect_layout(var)

    def take(name: str) -> np.ndarray:
        if name not in var:
            raise WeightsError(f"missing variable {name}")
        return var[name]

    cell_pattern = re.compile(r"multi_rnn_cell/cell_(\d+)/(?:attention_cell_wrapper/)?basic_lstm_cell/kernel$")
    indices = sorted({int(m.group(1)) for n in var if (m := cell_pattern.search(n))})
    if not indices:
        raise WeightsError("no LSTM layers found (expected rnn/multi_rnn_cell/cell_N/basic_lstm_cell/kernel)")
    if indices != list(range(len(indices))):
        raise WeightsError(f"LSTM layers are not numbered 0..N-1: {indices}")

    layers = []
    for i in indices:
        if layout == "stack":
            prefix = f"rnn/attention_cell_wrapper/multi_rnn_cell/cell_{i}/basic_lstm_cell"
        elif layout == "layer0" and i == 0:
            prefix = "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/basic_lstm_cell"
        else:
            prefix = f"rnn/multi_rnn_cell/cell_{i}/basic_lstm_cell"
        layers.append(LstmWeights(take(prefix + "/kernel"), take(prefix + "/bias")))

    attention = None
    if layout != "none":
        base = "rnn/attention_cell_wrapper" if layout == "stack" else "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"
        scope = next((s for s in ("attn_output_projection", "attention_output_projection")
                      if f"{base}/{s}/kernel" in var), None)
        if scope is None:
            raise WeightsError(f"missing variable {base}/attn_output_projection/kernel")
        attn_w = take(f"{base}/attention/attn_w")
        attention = AttentionWeights(
            input_kernel=take(f"{base}/kernel"),
            input_bias=take(f"{base}/bias"),
            query_kernel=take(f"{base}/attention/kernel"),
            query_bias=take(f"{base}/attention/bias"),
            attn_w=attn_w.reshape(attn_w.shape[-2], attn_w.shape[-1]),
            attn_v=take(f"{base}/attention/attn_v"),
            output_kernel=take(f"{base}/{scope}/kernel"),
            output_bias=take(f"{base}/{scope}/bias"),
            output_scope=scope,
        )
    weights = RnnWeights(
        layers=tuple(layers),
        softmax_kernel=take("fully_connected/weights"),
        softmax_bias=take("fully_connected/biases"),
        layout=layout,
        attention=attention,
        attn_length=attn_length if attention is not None else 0,
    )
    _check_shapes(weights)
    return weights


def _check_shapes(w: RnnWeights) -> None:
    """Each layer's kernel must fit the previous layer's output; say which one does not."""
    prev = w.input_size
    for i, layer in enumerate(w.layers):
        units = layer.units
        if layer.bias.shape != (4 * units,) or layer.kernel.shape[1] != 4 * units:
            raise WeightsError(f"layer {i}: kernel {layer.kernel.shape} and bias {layer.bias.shape} disagree")
        expected_in = prev
        if w.attention is not None and i == 0:
            expected_in = w.attention.input_bias.shape[0]
        if layer.kernel.shape[0] != expected_in + units:
            raise WeightsError(f"layer {i}: kernel has {layer.kernel.shape[0]} rows, expected {expected_in + units}")
        prev = units
        if w.layout == "layer0" and i == 0:
            prev = w.attention.attn_size
    top = w.attention.attn_size if w.layout == "stack" else prev
    if w.softmax_kernel.shape != (top, w.num_classes):
        raise WeightsError(f"output layer {w.softmax_kernel.shape} does not fit a top layer of {top} units")
    if w.attention is not None and w.attn_length <= 0:
        raise WeightsError("the attention history length (attn_length) is unknown")


def to_variables(w: RnnWeights) -> dict[str, np.ndarray]:
    """Magenta's variable names for these weights, in their own layout (this app trains the layer-0 layout)."""
    out: dict[str, np.ndarray] = {}
    for i, layer in enumerate(w.layers):
        if w.layout == "stack":
            prefix = f"rnn/attention_cell_wrapper/multi_rnn_cell/cell_{i}/basic_lstm_cell"
        elif w.attention is not None and i == 0:
            prefix = "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/basic_lstm_cell"
        else:
            prefix = f"rnn/multi_rnn_cell/cell_{i}/basic_lstm_cell"
        out[prefix + "/kernel"] = layer.kernel
        out[prefix + "/bias"] = layer.bias
    if w.attention is not None:
        a = w.attention
        base = "rnn/attention_cell_wrapper" if w.layout == "stack" else "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"
        out[f"{base}/kernel"] = a.input_kernel
        out[f"{base}/bias"] = a.input_bias
        out[f"{base}/attention/kernel"] = a.query_kernel
        out[f"{base}/attention/bias"] = a.query_bias
        out[f"{base}/attention/attn_w"] = a.attn_w.reshape(1, 1, *a.attn_w.shape)
        out[f"{base}/attention/attn_v"] = a.attn_v
        out[f"{base}/{a.output_scope}/kernel"] = a.output_kernel
        out[f"{base}/{a.output_scope}/bias"] = a.output_bias
    out["fully_connected/weights"] = w.softmax_kernel
    out["fully_connected/biases"] = w.softmax_bias
    return out
