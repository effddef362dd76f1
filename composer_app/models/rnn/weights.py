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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from composer_app.models.errors import BundleError
from composer_app.said import Said, said

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


def weights_from_variables(variables: Mapping[str, np.ndarray], attn_length: int = 0,
                           unreadable: Mapping[str, str] | None = None) -> RnnWeights:
    """Build RnnWeights from checkpoint variables (optimizer slots and counters are ignored).

    `unreadable` names tensors the checkpoint holds but that were not read (strings, integers) with their type,
    so that one the network needs is reported as the wrong type rather than as missing. Every tensor's rank,
    type and values are checked, and every shape against the others: a problem raises WeightsError naming it.
    """
    var = {_canonical_name(k): v for k, v in variables.items() if not _is_training_state(k)}
    skipped = {_canonical_name(k): v for k, v in (unreadable or {}).items() if not _is_training_state(k)}
    # Messages name tensors as the checkpoint spells them (TF before 1.2 wrote weights/biases, not kernel/bias).
    spelled = {_canonical_name(k): k for k in [*variables, *(unreadable or {})]}
    try:
        return _build(var, skipped, attn_length)
    except WeightsError as exc:
        raise WeightsError(_respelled(exc.problem, spelled)) from None


def _respelled(problem: str, spelled: dict[str, str]) -> str:
    """`problem` with each tensor name spelled as in `spelled`; said() text keeps its template, its values change."""
    if isinstance(problem, Said):
        return problem.format(**{key: _respelled(value, spelled) if isinstance(value, str) else value
                                 for key, value in problem.values.items()})
    return re.sub(r"[\w/]+", lambda m: spelled.get(m.group(), m.group()), problem)


def _build(var: dict[str, np.ndarray], skipped: dict[str, str], attn_length: int) -> RnnWeights:
    layout = detect_layout([*var, *skipped])

    def take(name: str, *ranks: int) -> np.ndarray:
        if name in skipped:
            raise WeightsError(said("tensor {name} holds {dtype} values, not floating-point weights").format(
                name=name, dtype=skipped[name]))
        if name not in var:
            raise WeightsError(said("missing variable {name}").format(name=name))
        value = np.asarray(var[name])
        if value.dtype.kind != "f":
            raise WeightsError(said("tensor {name} holds {dtype} values, not floating-point weights").format(
                name=name, dtype=str(value.dtype)))
        if value.ndim not in ranks:
            raise WeightsError(said("tensor {name} has shape {shape}; its rank should be {ranks}").format(
                name=name, shape=str(list(value.shape)), ranks=" or ".join(map(str, ranks))))
        value = value.astype(np.float32, copy=False)
        if not np.isfinite(value).all():
            raise WeightsError(said("tensor {name} holds NaN or infinite values (the training diverged)").format(
                name=name))
        return value

    cell_pattern = re.compile(r"multi_rnn_cell/cell_(\d+)/(?:attention_cell_wrapper/)?basic_lstm_cell/kernel$")
    indices = sorted({int(m.group(1)) for n in [*var, *skipped] if (m := cell_pattern.search(n))})
    if not indices:
        raise WeightsError(said("no LSTM layers found (expected rnn/multi_rnn_cell/cell_N/basic_lstm_cell/kernel)"))
    if indices != list(range(len(indices))):
        raise WeightsError(said("LSTM layers are not numbered 0..N-1: {numbers}").format(numbers=str(indices[:10])))

    prefixes = []
    for i in indices:
        if layout == "stack":
            prefixes.append(f"rnn/attention_cell_wrapper/multi_rnn_cell/cell_{i}/basic_lstm_cell")
        elif layout == "layer0" and i == 0:
            prefixes.append("rnn/multi_rnn_cell/cell_0/attention_cell_wrapper/basic_lstm_cell")
        else:
            prefixes.append(f"rnn/multi_rnn_cell/cell_{i}/basic_lstm_cell")
    layers = tuple(LstmWeights(take(p + "/kernel", 2), take(p + "/bias", 1)) for p in prefixes)
    names = [(p + "/kernel", p + "/bias") for p in prefixes]

    attention = None
    base = ""
    if layout != "none":
        base = "rnn/attention_cell_wrapper" if layout == "stack" else "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"
        scope = next((s for s in ("attn_output_projection", "attention_output_projection")
                      if f"{base}/{s}/kernel" in var or f"{base}/{s}/kernel" in skipped), None)
        if scope is None:
            raise WeightsError(said("missing variable {name}").format(name=f"{base}/attn_output_projection/kernel"))
        attention = AttentionWeights(
            input_kernel=take(f"{base}/kernel", 2),
            input_bias=take(f"{base}/bias", 1),
            query_kernel=take(f"{base}/attention/kernel", 2),
            query_bias=take(f"{base}/attention/bias", 1),
            attn_w=take(f"{base}/attention/attn_w", 2, 4),
            attn_v=take(f"{base}/attention/attn_v", 1),
            output_kernel=take(f"{base}/{scope}/kernel", 2),
            output_bias=take(f"{base}/{scope}/bias", 1),
            output_scope=scope,
        )
    softmax_kernel, softmax_bias = take("fully_connected/weights", 2), take("fully_connected/biases", 1)
    _check_shapes(layers, names, attention, base, softmax_kernel, softmax_bias, layout)
    if attention is not None:
        attention = replace(attention, attn_w=attention.attn_w.reshape(attention.attn_w.shape[-2:]))
        if attn_length <= 0:
            raise WeightsError(said("the attention history length (attn_length) is unknown"))
    return RnnWeights(layers=layers, softmax_kernel=softmax_kernel, softmax_bias=softmax_bias, layout=layout,
                      attention=attention, attn_length=attn_length if attention is not None else 0)


def _is_training_state(name: str) -> bool:
    return "Adam" in name or name.startswith(("global_step", "beta1_power", "beta2_power"))


def _fit(name: str, value: np.ndarray, expected: tuple[int, ...], because: str) -> None:
    if value.shape != expected:
        raise WeightsError(said("tensor {name} has shape {shape}, but {because} it should be {expected}").format(
            name=name, shape=str(list(value.shape)), because=because, expected=str(list(expected))))


def _units(name: str, bias: np.ndarray, gates: int = 1) -> int:
    """The units a bias gives (a quarter of it for an LSTM's four gates); it must give at least one."""
    if bias.shape[0] < gates or bias.shape[0] % gates:
        what = (said("a positive multiple of {gates} (one block per LSTM gate)").format(gates=gates) if gates > 1
                else said("at least one value"))
        raise WeightsError(said("tensor {name} has shape {shape}; its length should be {what}").format(
            name=name, shape=str(list(bias.shape)), what=what))
    return bias.shape[0] // gates


def _check_shapes(layers, names, attention: AttentionWeights | None, base: str, softmax_kernel: np.ndarray,
                  softmax_bias: np.ndarray, layout: str) -> None:
    """Every tensor's shape against the sizes the others give; the message names the tensor and where its size
    comes from. Sizes: P inputs (after attention's input projection), H_i units per layer, A attention size,
    V attention vector size, C classes."""
    units = [_units(bias_name, layer.bias, 4) for layer, (_, bias_name) in zip(layers, names)]
    if attention is None:
        inputs = layers[0].kernel.shape[0] - units[0]
        if inputs < 1:
            raise WeightsError(said("tensor {name} has shape {shape}: with the {units} units of {bias} it leaves no "
                                    "rows for the inputs").format(
                name=names[0][0], shape=str(list(layers[0].kernel.shape)), units=units[0], bias=names[0][1]))
        feeds = [inputs, *units[:-1]]
        top = units[-1]
    else:
        out_bias = f"{base}/{attention.output_scope}/bias"
        size = _units(out_bias, attention.output_bias)
        inputs = _units(f"{base}/bias", attention.input_bias)
        vec = _units(f"{base}/attention/attn_v", attention.attn_v)
        _fit(f"{base}/kernel", attention.input_kernel, (inputs + size, inputs),
             said("for {inputs} inputs ({bias}) and an attention size of {size} ({size_bias})").format(
                 inputs=inputs, bias=f"{base}/bias", size=size, size_bias=out_bias))
        feeds = [inputs, *units[:-1]] if layout == "stack" else [inputs, size, *units[1:-1]]
        top = size if layout == "stack" or len(units) == 1 else units[-1]
        wrapped = units[-1] if layout == "stack" else units[0]
        query = 2 * sum(units) if layout == "stack" else 2 * units[0]
        vec_source = said("for an attention vector of {vector} ({vector_tensor})").format(
            vector=vec, vector_tensor=f"{base}/attention/attn_v")
        _fit(f"{base}/attention/kernel", attention.query_kernel, (query, vec),
             said("for the {query} values of the wrapped cells' state and {vector_source}").format(
                 query=query, vector_source=vec_source))
        _fit(f"{base}/attention/bias", attention.query_bias, (vec,), vec_source)
        taps = (1, 1, size, vec) if attention.attn_w.ndim == 4 else (size, vec)
        _fit(f"{base}/attention/attn_w", attention.attn_w, taps,
             said("for an attention size of {size} ({size_bias}) and {vector_source}").format(
                 size=size, size_bias=out_bias, vector_source=vec_source))
        _fit(f"{base}/{attention.output_scope}/kernel", attention.output_kernel, (wrapped + size, size),
             said("for the wrapped cell's {outputs} outputs and an attention size of {size} ({size_bias})").format(
                 outputs=wrapped, size=size, size_bias=out_bias))
    sources = [said("the inputs"), *(said("layer {index}").format(index=i) for i in range(len(units) - 1))]
    if layout == "layer0" and len(units) > 1:
        sources[1] = said("the attention output")
    for i, (layer, (kernel_name, bias_name)) in enumerate(zip(layers, names)):
        _fit(kernel_name, layer.kernel, (feeds[i] + units[i], 4 * units[i]),
             said("for {values} values from {source} and the {units} units of {bias}").format(
                 values=feeds[i], source=sources[i], units=units[i], bias=bias_name))
    classes = _units("fully_connected/biases", softmax_bias)
    _fit("fully_connected/weights", softmax_kernel, (top, classes),
         said("for a top layer of {units} units and the {classes} classes of fully_connected/biases").format(
             units=top, classes=classes))


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


def initial_weights(input_size: int, num_classes: int, layer_sizes, attn_length: int = 0,
                    seed: int = 0) -> RnnWeights:
    """Fresh weights in the layer-0 layout, glorot-uniform kernels and zero biases (for tests and benchmarks;
    training initialises as TF1 does in composer_app.models.training.weights_init)."""
    rng = np.random.default_rng(seed)

    def glorot(shape):
        limit = np.sqrt(6.0 / (shape[0] + shape[-1]))
        return rng.uniform(-limit, limit, size=shape).astype(np.float32)

    layers = []
    prev = input_size
    attention = None
    if attn_length:
        size = layer_sizes[0]
        attention = AttentionWeights(
            input_kernel=glorot((input_size + size, input_size)), input_bias=np.zeros(input_size, np.float32),
            query_kernel=glorot((2 * size, size)), query_bias=np.zeros(size, np.float32),
            attn_w=glorot((size, size)), attn_v=glorot((1, size))[0],
            output_kernel=glorot((2 * size, size)), output_bias=np.zeros(size, np.float32))
    for units in layer_sizes:
        layers.append(LstmWeights(glorot((prev + units, 4 * units)), np.zeros(4 * units, np.float32)))
        prev = units
    return RnnWeights(
        layers=tuple(layers), softmax_kernel=glorot((prev, num_classes)),
        softmax_bias=np.zeros(num_classes, np.float32),
        layout="layer0" if attn_length else "none", attention=attention, attn_length=attn_length)
