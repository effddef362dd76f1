"""MusicVAE checkpoints from Magenta's .tar files: the weights by role, sizes read from the tensors' shapes."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from composer_app.models.checkpoints.checkpoint_paths import open_checkpoint
from composer_app.models.checkpoints.tf_checkpoint import is_training_state
from composer_app.models.errors import BundleError
from composer_app.said import said

MAX_LAYERS = 64
# Where SplitMultiOutLstmDecoder (hierdec-trio) puts its k-th core decoder: f"{SPLIT_SCOPE}_{k}/decoder/...".
SPLIT_SCOPE = "core_decoder/core_decoder"


@dataclass(frozen=True)
class Dense:
    """A dense layer: x @ kernel + bias."""

    kernel: np.ndarray
    bias: np.ndarray


@dataclass(frozen=True)
class Lstm:
    """One LSTM cell's weights; kernel rows are [inputs, h], columns the gate blocks i, j, f, o."""

    kernel: np.ndarray
    bias: np.ndarray

    @property
    def units(self) -> int:
        return self.bias.shape[0] // 4

    @property
    def input_depth(self) -> int:
        return self.kernel.shape[0] - self.units


@dataclass(frozen=True)
class EncoderWeights:
    """The bidirectional LSTM encoder: (forward, backward) cells per layer, and the mu and sigma layers."""

    layers: tuple[tuple[Lstm, Lstm], ...]
    mu: Dense
    sigma: Dense

    @property
    def input_depth(self) -> int:
        return self.layers[0][0].input_depth


@dataclass(frozen=True)
class NadeWeights:
    """A NADE's shared weights, [dims, hidden] each (its biases come from the decoder's output projection)."""

    w_enc: np.ndarray
    w_dec_t: np.ndarray

    @property
    def dims(self) -> int:
        return self.w_enc.shape[0]

    @property
    def hidden(self) -> int:
        return self.w_enc.shape[1]


@dataclass(frozen=True)
class DecoderWeights:
    """The LSTM decoder: z to the cells' initial state, the stacked cells, the output projection, and for
    MultiLabelRnnNadeDecoder the NADE; each step reads [previous output, z, controls (control_depth)]."""

    z_to_initial_state: Dense
    cells: tuple[Lstm, ...]
    output_projection: Dense
    nade: NadeWeights | None = None
    control_depth: int = 0

    @property
    def output_depth(self) -> int:
        """The depth of one step's output: the NADE's dims, else the projection's width."""
        return self.nade.dims if self.nade is not None else self.output_projection.bias.shape[0]


@dataclass(frozen=True)
class SplitDecoderWeights:
    """Magenta's SplitMultiOutLstmDecoder: one categorical LSTM decoder per output part (trio: melody, bass,
    drums), each with its own weights, all conditioned on the same embedding; the outputs sit side by side."""

    parts: tuple[DecoderWeights, ...]
    nade = None  # categorical parts, no controls: read as DecoderWeights' fields are
    control_depth = 0

    @property
    def output_depths(self) -> tuple[int, ...]:
        return tuple(part.output_depth for part in self.parts)

    @property
    def output_depth(self) -> int:
        return sum(self.output_depths)

    @property
    def cells(self) -> tuple[Lstm, ...]:
        """The parts' layers, which have one size (Magenta builds every part from dec_rnn_size)."""
        return self.parts[0].cells


@dataclass(frozen=True)
class ConductorWeights:
    """A hierarchical decoder's conductor: z to its initial state, and its stacked cells (one zero input a step)."""

    initial_state: Dense
    cells: tuple[Lstm, ...]


@dataclass(frozen=True)
class VaeWeights:
    """A whole MusicVAE: where it came from, z size, encoder, core decoder (hierdec-trio: split in parts) and
    (hierdec only) the conductor."""

    source: str
    z_size: int
    encoder: EncoderWeights
    decoder: DecoderWeights | SplitDecoderWeights
    conductor: ConductorWeights | None = None


class WeightTensors:
    """The checkpoint's weights with shape checks whose errors name the file and the tensor."""

    def __init__(self, source: str, tensors: dict[str, np.ndarray]):
        self.source, self.tensors = source, tensors

    def fail(self, name: str, problem: str) -> BundleError:
        """The error for tensor `name`; `problem` is said() text such as "is missing"."""
        return BundleError(self.source, said("tensor {name!r} {problem}; this is not a MusicVAE checkpoint this app "
                                             "can read").format(name=name, problem=problem))

    def get(self, name: str, shape: tuple[int | None, ...]) -> np.ndarray:
        if name not in self.tensors:
            raise self.fail(name, said("is missing"))
        value = self.tensors[name]
        if value.dtype != np.float32:
            raise self.fail(name, said("is {dtype}, not float32").format(dtype=str(value.dtype)))
        if value.ndim != len(shape) or any(want is not None and got != want for got, want in zip(value.shape, shape)):
            wanted = "[" + ", ".join("?" if s is None else str(s) for s in shape) + "]"
            raise self.fail(name, said("has shape {shape}, expected {expected}").format(
                shape=str(list(value.shape)), expected=wanted))
        if not np.isfinite(value).all():
            raise self.fail(name, said("holds NaN or infinite values"))
        return value

    def dense(self, scope: str, rows: int | None, columns: int | None) -> Dense:
        kernel = self.get(f"{scope}/kernel", (rows, columns))
        return Dense(kernel, self.get(f"{scope}/bias", (kernel.shape[1],)))

    def lstm(self, scope: str, input_depth: int | None) -> Lstm:
        bias = self.get(f"{scope}/bias", (None,))
        units = bias.shape[0] // 4
        if units == 0 or bias.shape[0] % 4:
            raise self.fail(f"{scope}/bias", said("has {count} values, not 4 gate blocks").format(count=bias.shape[0]))
        rows = None if input_depth is None else input_depth + units
        kernel = self.get(f"{scope}/kernel", (rows, 4 * units))
        if kernel.shape[0] <= units:
            raise self.fail(f"{scope}/kernel", said("has {rows} rows for {units} units").format(
                rows=kernel.shape[0], units=units))
        return Lstm(kernel, bias)


def _encoder(t: WeightTensors) -> EncoderWeights:
    layers: list[tuple[Lstm, Lstm]] = []
    depth = None
    while f"encoder/cell_{len(layers)}/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell/kernel" in t.tensors:
        if len(layers) == MAX_LAYERS:
            raise BundleError(t.source, said("more than {limit} encoder layers").format(limit=MAX_LAYERS))
        scope = f"encoder/cell_{len(layers)}/bidirectional_rnn"
        fw = t.lstm(f"{scope}/fw/multi_rnn_cell/cell_0/lstm_cell", depth)
        bw = t.lstm(f"{scope}/bw/multi_rnn_cell/cell_0/lstm_cell", fw.input_depth)
        if bw.units != fw.units:
            raise t.fail(f"{scope}/bw/multi_rnn_cell/cell_0/lstm_cell/bias",
                         said("has {units} units, forward has {forward}").format(units=bw.units, forward=fw.units))
        layers.append((fw, bw))
        # A stacked bidirectional layer reads the forward and backward outputs of the one below, side by side.
        depth = 2 * fw.units
    if not layers:
        raise t.fail("encoder/cell_0/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell/kernel", said("is missing"))
    mu = t.dense("encoder/mu", depth, None)
    sigma = t.dense("encoder/sigma", depth, mu.kernel.shape[1])
    return EncoderWeights(tuple(layers), mu, sigma)


def _cells(t: WeightTensors, scope: str, first_input: int | None) -> list[Lstm]:
    """Stacked cells `scope`/cell_k/lstm_cell, each reading the one below's h."""
    cells: list[Lstm] = []
    while f"{scope}/cell_{len(cells)}/lstm_cell/kernel" in t.tensors:
        if len(cells) == MAX_LAYERS:
            raise BundleError(t.source, said("more than {limit} layers under {scope}").format(
                limit=MAX_LAYERS, scope=scope))
        below = cells[-1].units if cells else first_input
        cells.append(t.lstm(f"{scope}/cell_{len(cells)}/lstm_cell", below))
    if not cells:
        raise t.fail(f"{scope}/cell_0/lstm_cell/kernel", said("is missing"))
    return cells


def _conductor(t: WeightTensors, z_size: int) -> ConductorWeights:
    # Magenta's hierdec configs disable the conductor's autoregression: its input is a single zero.
    cells = _cells(t, "decoder/hierarchical_level_0", 1)
    initial = t.dense("decoder/hierarchical_level_0/initial_state", z_size, sum(2 * c.units for c in cells))
    if any(name.startswith("decoder/hierarchical_level_1/") for name in t.tensors):
        raise BundleError(t.source, said("this MusicVAE has more than one conductor level, which this app cannot "
                                         "run"))
    return ConductorWeights(initial, tuple(cells))


def read_nade(t: WeightTensors, scope: str) -> NadeWeights | None:
    """The NADE under `scope` (w_enc [dims, 1, hidden], w_dec_t [dims, hidden, 1]), or None when there is none."""
    if f"{scope}/w_enc" not in t.tensors:
        return None
    w_enc = t.get(f"{scope}/w_enc", (None, 1, None))
    if not w_enc.shape[0] or not w_enc.shape[2]:
        raise t.fail(f"{scope}/w_enc", said("has shape {shape}, an empty NADE").format(shape=str(list(w_enc.shape))))
    w_dec_t = t.get(f"{scope}/w_dec_t", (w_enc.shape[0], w_enc.shape[2], 1))
    return NadeWeights(w_enc[:, 0, :], w_dec_t[:, :, 0])


def read_decoder(t: WeightTensors, prefix: str, z_size: int, controls: bool = True) -> DecoderWeights:
    """The LSTM decoder under `prefix` (e.g. "decoder"); each step reads [previous output, z, controls].

    The controls' depth is what the first cell reads beyond the output and z (0 without controls, and always
    0 where `controls` is False). A NADE decoder's projection gives [NADE encoder bias, decoder bias] a step."""
    cells = _cells(t, f"{prefix}/multi_rnn_cell", None)
    nade = read_nade(t, f"{prefix}/nade")
    width = None if nade is None else nade.hidden + nade.dims
    projection = t.dense(f"{prefix}/output_projection", cells[-1].units, width)
    output_depth = projection.kernel.shape[1] if nade is None else nade.dims
    control_depth = cells[0].input_depth - output_depth - z_size
    if control_depth < 0 or (control_depth and not controls):
        raise t.fail(f"{prefix}/multi_rnn_cell/cell_0/lstm_cell/kernel",
                     (said("reads {inputs} inputs, expected {outputs} outputs + {z} z (+ controls)") if controls
                      else said("reads {inputs} inputs, expected {outputs} outputs + {z} z")).format(
                         inputs=cells[0].input_depth, outputs=output_depth, z=z_size))
    state_size = sum(2 * cell.units for cell in cells)
    initial = t.dense(f"{prefix}/z_to_initial_state", z_size, state_size)
    return DecoderWeights(initial, tuple(cells), projection, nade, control_depth)


def read_tensors(path: str | os.PathLike) -> WeightTensors:
    """The weights of a Magenta checkpoint (.tar or prefix), without the Adam slots and counters."""
    with open_checkpoint(path) as reader:
        tensors = reader.read_all(skip=is_training_state)
    return WeightTensors(str(path), tensors)


def load_weights(path: str | os.PathLike) -> VaeWeights:
    """A MusicVAE (bidirectional LSTM encoder; flat categorical, NADE or groove decoder, or hierarchical) from a
    Magenta checkpoint."""
    return weights_from(read_tensors(path))


def _split_decoder(t: WeightTensors, z_size: int) -> SplitDecoderWeights:
    """The core decoders core_decoder/core_decoder_{k}/decoder of a SplitMultiOutLstmDecoder, k = 0, 1, ..."""
    parts: list[DecoderWeights] = []
    while any(name.startswith(f"{SPLIT_SCOPE}_{len(parts)}/") for name in t.tensors):
        if len(parts) == MAX_LAYERS:
            raise BundleError(t.source, said("more than {limit} split core decoders").format(limit=MAX_LAYERS))
        parts.append(read_decoder(t, f"{SPLIT_SCOPE}_{len(parts)}/decoder", z_size, controls=False))
        sizes = [cell.units for cell in parts[-1].cells]
        if parts[-1].nade is not None or sizes != [cell.units for cell in parts[0].cells]:
            layers = (said("layers of {sizes} units and a NADE") if parts[-1].nade is not None
                      else said("layers of {sizes} units")).format(sizes=str(sizes))
            raise BundleError(t.source, said("core decoder {index} has {layers}, core decoder 0 of {first_sizes}; "
                                             "Magenta builds them all as categorical decoders from dec_rnn_size, so "
                                             "this is not a MusicVAE checkpoint this app can read").format(
                index=len(parts) - 1, layers=layers, first_sizes=str([cell.units for cell in parts[0].cells])))
    return SplitDecoderWeights(tuple(parts))


def weights_from(t: WeightTensors) -> VaeWeights:
    """The MusicVAE held by checkpoint tensors, checked against each other's shapes."""
    encoder = _encoder(t)
    z_size = encoder.mu.kernel.shape[1]
    if not any(name.startswith("decoder/hierarchical_level_0/") for name in t.tensors):
        return VaeWeights(t.source, z_size, encoder, read_decoder(t, "decoder", z_size))
    conductor = _conductor(t, z_size)
    # The core decoder's "z" is the conductor's output for the bar.
    embedding = conductor.cells[-1].units
    if any(name.startswith(f"{SPLIT_SCOPE}_0/") for name in t.tensors):
        return VaeWeights(t.source, z_size, encoder, _split_decoder(t, embedding), conductor)
    core = read_decoder(t, "core_decoder/decoder", embedding, controls=False)
    return VaeWeights(t.source, z_size, encoder, core, conductor)
