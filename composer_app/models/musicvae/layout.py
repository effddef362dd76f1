"""The variables Magenta's MusicVAE graph saves, by name and shape, for given sizes (weights only, no Adam slots).

Facts from Magenta's graph (see the fixtures' README): each encoder layer is its own bidirectional RNN of one cell
and reads the inputs with the controls after them; the flat decoder reads [previous output, z, controls] (NADE: its
projection gives the NADE's biases); the hierarchical decoder's conductor reads one zero a step and gets its initial
state from z, and its core decoder lives under core_decoder/ (hierdec-trio's split ones under
core_decoder/core_decoder_{k}/, each with its own weights and reading the conductor's output as its z). Kernels
are [inputs + units, 4 * units].
"""

from __future__ import annotations

Shapes = dict[str, tuple[int, ...]]


def lstm(scope: str, inputs: int, units: int) -> Shapes:
    return {f"{scope}/kernel": (inputs + units, 4 * units), f"{scope}/bias": (4 * units,)}


def dense(scope: str, rows: int, columns: int) -> Shapes:
    return {f"{scope}/kernel": (rows, columns), f"{scope}/bias": (columns,)}


def decoder(prefix: str, z: int, output: int, sizes: list[int], nade_hidden: int = 0, control_depth: int = 0
            ) -> Shapes:
    shapes = dense(f"{prefix}/z_to_initial_state", z, sum(2 * s for s in sizes))
    below = output + z + control_depth  # each step reads the previous output, z and the step's controls
    for k, size in enumerate(sizes):
        shapes |= lstm(f"{prefix}/multi_rnn_cell/cell_{k}/lstm_cell", below, size)
        below = size
    if not nade_hidden:
        return shapes | dense(f"{prefix}/output_projection", sizes[-1], output)
    # MultiLabelRnnNadeDecoder: the projection gives the NADE's biases, [encoder (hidden), decoder (output)].
    return shapes | dense(f"{prefix}/output_projection", sizes[-1], nade_hidden + output) | {
        f"{prefix}/nade/w_enc": (output, 1, nade_hidden), f"{prefix}/nade/w_dec_t": (output, nade_hidden, 1)}


def magenta_shapes(depths: tuple[int, int], z: int, enc: list[int], dec: list[int], hierarchical: bool,
                   nade_hidden: int = 0, control_depth: int = 0, split: tuple[int, ...] = ()) -> Shapes:
    """{variable: shape} of a MusicVAE with these (converter input, output) depths, z size and layer sizes; a NADE
    decoder with `nade_hidden` units, controls of `control_depth` after the encoder's and the decoder's inputs;
    `split`: the output depths of a hierarchical decoder's split core decoders (hierdec-trio: 90, 90, 512)."""
    inputs, outputs = depths
    shapes: Shapes = {}
    below = inputs + control_depth
    for k, size in enumerate(enc):
        for direction in ("fw", "bw"):
            shapes |= lstm(f"encoder/cell_{k}/bidirectional_rnn/{direction}/multi_rnn_cell/cell_0/lstm_cell",
                           below, size)
        below = 2 * size
    shapes |= dense("encoder/mu", below, z) | dense("encoder/sigma", below, z)
    if not hierarchical:
        return shapes | decoder("decoder", z, outputs, dec, nade_hidden, control_depth)
    conductor_below = 1
    for k, size in enumerate(dec):
        shapes |= lstm(f"decoder/hierarchical_level_0/cell_{k}/lstm_cell", conductor_below, size)
        conductor_below = size
    shapes |= dense("decoder/hierarchical_level_0/initial_state", z, sum(2 * s for s in dec))
    for k, part in enumerate(split):
        shapes |= decoder(f"core_decoder/core_decoder_{k}/decoder", dec[-1], part, dec)
    return shapes if split else shapes | decoder("core_decoder/decoder", dec[-1], outputs, dec)
