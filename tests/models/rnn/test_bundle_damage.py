"""Damaged, crafted and foreign bundles: each is refused with a BundleError naming the bundle and the tensor."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import numpy as np
import pytest

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, parse_bundle, serialize_bundle
from composer_app.models.errors import BundleError
from composer_app.models.rnn.bundle import MAX_ATTN_LENGTH, bundle_from_bytes, read_bundle
from composer_app.models.rnn.weights import to_variables
from tests.conftest import ROOT, SHARED, shared_path
from tests.models.checkpoints import builders
from tests.models.conftest import bundle_path

L0 = "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"
STATE = "rnn/MultiRNNCellZeroState/AttentionCellWrapperZeroState/zeros"


def _parts(config_id: str):
    """(the fixture's GeneratorBundle, its network's variables by Magenta name)."""
    raw = parse_bundle(bundle_path(config_id).read_bytes())
    return raw, to_variables(read_bundle(bundle_path(config_id)).weights)


def _load(raw: GeneratorBundle, tensors, tmp_path, metagraph: bytes | None = None):
    data = serialize_bundle(GeneratorBundle(raw.generator_id, raw.generator_description,
                                            (builders.checkpoint(tensors),),
                                            raw.metagraph if metagraph is None else metagraph))
    return bundle_from_bytes(data, tmp_path / "crafted.mag")


def _tensors(variables: dict, **overrides) -> list[builders.Tensor]:
    """Float tensors of `variables`, with some replaced by other Tensor records (or removed, given None)."""
    out = []
    for name, value in variables.items():
        key = name.replace("/", "__")
        if key in overrides:
            if overrides[key] is not None:
                out.append(overrides[key])
            continue
        out.append(builders.whole(name, value))
    return out


def _refused(raw, tensors, tmp_path, tensor: str, problem: str, metagraph: bytes | None = None) -> None:
    with pytest.raises(BundleError) as caught:
        _load(raw, tensors, tmp_path, metagraph)
    message = str(caught.value)
    assert "crafted.mag" in message and tensor in message and problem in message, message
    assert "\n" not in caught.value.summary


# What each crafted variable does wrong, the tensor the message must name, and a word of the problem.
BASIC_CASES = {
    "kernel of rank 1": ("rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel", lambda v: v.ravel(), "shape"),
    "kernel of rank 3": ("rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel", lambda v: v[None], "shape"),
    "bias of rank 2": ("rnn/multi_rnn_cell/cell_1/basic_lstm_cell/bias", lambda v: v[None], "shape"),
    "bias not 4 gates": ("rnn/multi_rnn_cell/cell_1/basic_lstm_cell/bias", lambda v: v[:-1], "shape"),
    "bias of no units": ("rnn/multi_rnn_cell/cell_0/basic_lstm_cell/bias", lambda v: v[:0], "shape"),
    "kernel wider than its bias": ("rnn/multi_rnn_cell/cell_1/basic_lstm_cell/kernel",
                                   lambda v: np.hstack([v, v[:, :4]]), "shape"),
    "next layer's rows": ("rnn/multi_rnn_cell/cell_1/basic_lstm_cell/kernel", lambda v: v[1:], "shape"),
    "output layer rows": ("fully_connected/weights", lambda v: v[1:], "shape"),
    "output layer vs its bias": ("fully_connected/biases", lambda v: v[1:], "shape"),
    "output layer a scalar": ("fully_connected/weights", lambda v: v[0, 0], "shape"),
    "not a number": ("fully_connected/biases", lambda v: np.where(np.arange(v.size) == 3, np.nan, v), "NaN"),
    "infinite": ("rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel", lambda v: v * np.inf, "infinite"),
}


@pytest.mark.parametrize("case", list(BASIC_CASES))
def test_wrong_shapes_and_values_in_a_plain_network(tmp_path, case):
    """Wrong ranks, shapes that disagree and non-finite values in a stacked LSTM name the tensor at fault."""
    raw, variables = _parts("basic_rnn")
    name, change, problem = BASIC_CASES[case]
    variables[name] = change(variables[name]).astype(np.float32)
    _refused(raw, _tensors(variables), tmp_path, name, problem)


ATTENTION_CASES = {
    "attention input kernel rows": (f"{L0}/kernel", lambda v: v[1:], "shape"),
    "attention input bias": (f"{L0}/bias", lambda v: v[1:], "shape"),
    "query kernel rows": (f"{L0}/attention/kernel", lambda v: v[1:], "shape"),
    "query kernel of rank 1": (f"{L0}/attention/kernel", lambda v: v.ravel(), "shape"),
    "query bias": (f"{L0}/attention/bias", lambda v: v[1:], "shape"),
    "attn_w of rank 1": (f"{L0}/attention/attn_w", lambda v: v.ravel(), "shape"),
    "attn_w of rank 0": (f"{L0}/attention/attn_w", lambda v: v.ravel()[0], "shape"),
    "attn_w with extra taps": (f"{L0}/attention/attn_w", lambda v: np.concatenate([v, v], axis=0), "shape"),
    "attn_w columns": (f"{L0}/attention/attn_w", lambda v: v[..., 1:], "shape"),
    "attn_v": (f"{L0}/attention/attn_v", lambda v: v[1:], "shape"),
    "attn_v of rank 2": (f"{L0}/attention/attn_v", lambda v: v[None], "shape"),
    "output projection rows": (f"{L0}/attn_output_projection/kernel", lambda v: v[1:], "shape"),
    "output projection vs bias": (f"{L0}/attn_output_projection/bias", lambda v: v[1:], "shape"),
}


@pytest.mark.parametrize("case", list(ATTENTION_CASES))
def test_wrong_shapes_in_an_attention_network(tmp_path, case):
    """Every attention tensor whose shape disagrees with the others is named, never an IndexError or ValueError."""
    raw, variables = _parts("attention_rnn")
    name, change, problem = ATTENTION_CASES[case]
    variables[name] = np.asarray(change(variables[name]), dtype=np.float32)
    _refused(raw, _tensors(variables), tmp_path, name, problem)


@pytest.mark.parametrize("dtype,values", [
    (builders.DT_INT32, lambda v: v.astype(np.int32)),
    (builders.DT_BOOL, lambda v: v > 0),
    (builders.DT_COMPLEX64, lambda v: v.astype(np.complex64)),
    (builders.DT_STRING, lambda v: v.astype(str)),
])
def test_weights_of_the_wrong_type_are_named(tmp_path, dtype, values):
    """Integer, boolean, complex and string tensors where weights belong are refused, naming the tensor and type."""
    raw, variables = _parts("basic_rnn")
    name = "rnn/multi_rnn_cell/cell_1/basic_lstm_cell/bias"
    bad = builders.whole(name, values(variables[name]), dtype)
    tensors = _tensors(variables, **{name.replace("/", "__"): bad})
    _refused(raw, tensors, tmp_path, name, "DT_")


def test_half_and_double_precision_weights_load(tmp_path):
    """Weights saved as float16 or float64 load as the float32 values they hold."""
    raw, variables = _parts("basic_rnn")
    name = "fully_connected/weights"
    for dtype, numpy_type in ((builders.DT_HALF, np.float16), (2, np.float64)):
        tensor = builders.whole(name, variables[name].astype(numpy_type), dtype)
        bundle = _load(raw, _tensors(variables, **{name.replace("/", "__"): tensor}), tmp_path)
        assert bundle.weights.softmax_kernel.dtype == np.float32
        np.testing.assert_array_equal(bundle.weights.softmax_kernel, variables[name].astype(numpy_type))


def test_an_unused_string_tensor_is_ignored(tmp_path):
    """A string tensor the network does not use (a note left in the checkpoint) does not stop the bundle loading."""
    raw, variables = _parts("basic_rnn")
    tensors = _tensors(variables) + [builders.whole("notes/trained_on", np.array(["folk tunes"]), builders.DT_STRING)]
    bundle = _load(raw, tensors, tmp_path)
    np.testing.assert_array_equal(bundle.weights.softmax_bias, variables["fully_connected/biases"])


def test_a_missing_tensor_is_named(tmp_path):
    """A checkpoint without an attention tensor names it."""
    raw, variables = _parts("attention_rnn")
    tensors = _tensors(variables, **{f"{L0}/attention/attn_v".replace("/", "__"): None})
    _refused(raw, tensors, tmp_path, f"{L0}/attention/attn_v", "missing")


def test_a_huge_attention_length_is_refused(tmp_path):
    """A metagraph whose attention history is longer than MAX_ATTN_LENGTH steps is refused, naming the limit."""
    raw, variables = _parts("attention_rnn")
    attn_size = variables[f"{L0}/attn_output_projection/bias"].shape[0]
    graph = builders.metagraph([(STATE, [1, (MAX_ATTN_LENGTH + 1) * attn_size])])
    _refused(raw, _tensors(variables), tmp_path, STATE, f"{MAX_ATTN_LENGTH}", metagraph=graph)
    graph = builders.metagraph([(STATE, [1, 1 << 62])])
    _refused(raw, _tensors(variables), tmp_path, STATE, f"{MAX_ATTN_LENGTH}", metagraph=graph)


def test_a_crafted_metagraph_gives_its_attention_length(tmp_path):
    """The attention length is the history state's width over the attention size, read without TensorFlow."""
    raw, variables = _parts("attention_rnn")
    attn_size = variables[f"{L0}/attn_output_projection/bias"].shape[0]
    graph = builders.metagraph([("rnn/MultiRNNCellZeroState/BasicLSTMCellZeroState/zeros", [-1, 32]),
                                (STATE, [-1, 7 * attn_size])])
    bundle = _load(raw, _tensors(variables), tmp_path, metagraph=graph)
    assert (bundle.weights.attn_length, bundle.attn_length_source) == (7, "metagraph")


def test_a_damaged_metagraph_is_refused(tmp_path):
    """An attention bundle whose metagraph is cut short is refused as damaged, not silently given a default."""
    raw, variables = _parts("attention_rnn")
    _refused(raw, _tensors(variables), tmp_path, "metagraph", "damaged", metagraph=raw.metagraph[:-7])


def test_bundles_of_unknown_models_name_the_model(tmp_path):
    """A bundle made for a model this app does not know is refused naming the file and that model (every
    rnn2 fixture, Polyphony and Performance RNN included, loads: test_polyphony_goldens, test_performance_goldens)."""
    raw = parse_bundle(shared_path("fixtures", "magenta-rnn2", "polyphony.mag").read_bytes())
    path = tmp_path / "pianoroll.mag"
    path.write_bytes(serialize_bundle(dataclasses.replace(raw, generator_id="pianoroll_rnn_nade")))
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    assert path.name in str(caught.value) and "pianoroll_rnn_nade" in str(caught.value)
    for fixture in sorted(shared_path("fixtures", "magenta-rnn2").glob("*.mag")):
        assert read_bundle(fixture).config.generator_id == fixture.stem


@pytest.mark.parametrize("folder,expected", [
    (("fixtures", "magenta"), {"attention_tiny": 40, "drum_kit_tiny": 32}),
    (("fixtures", "magenta-rnn2"), {"attention_improv": 40}),
    (None, {"attention_rnn": 40, "drum_kit": 32}),
])
def test_attention_lengths_of_every_fixture(folder, expected):
    """The metagraph reader finds the attention length of Magenta's and the shipped attention bundles."""
    from composer_app.models.checkpoints.metagraph import state_shapes
    from composer_app.models.rnn.bundle import attn_length_from_states

    base = shared_path(*folder) if folder else ROOT / "composer_app" / "resources" / "bundles"
    for stem, length in expected.items():
        raw = parse_bundle((base / f"{stem}.mag").read_bytes())
        assert attn_length_from_states(state_shapes(raw.metagraph), 32 if folder else 128) == length, stem


def test_reading_every_bundle_never_imports_tensorflow():
    """read_bundle of every fixture and shipped bundle (and the metagraph of each) leaves TensorFlow unimported."""
    folders = [ROOT / "composer_app" / "resources" / "bundles", SHARED / "fixtures" / "magenta",
               SHARED / "fixtures" / "magenta-rnn2"]
    paths = [str(p) for folder in folders for p in sorted(folder.glob("*.mag"))]
    code = (
        "import sys, pathlib\n"
        "from composer_app.models.checkpoints.bundle_proto import parse_bundle\n"
        "from composer_app.models.checkpoints.metagraph import state_shapes\n"
        "from composer_app.models.errors import BundleError\n"
        "from composer_app.models.rnn.bundle import read_bundle\n"
        "paths = [pathlib.Path(p) for p in sys.argv[1:]]\n"
        "loaded = 0\n"
        "for p in paths:\n"
        "    state_shapes(parse_bundle(p.read_bytes()).metagraph)\n"
        "    try:\n"
        "        read_bundle(p); loaded += 1\n"
        "    except BundleError:\n"
        "        pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'tensorflow')\n"
        "print(len(paths), loaded, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *paths], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    count, loaded, heavy = out.stdout.split(" ", 2)
    assert int(count) == len(paths) and int(loaded) >= 6 and heavy.strip() == "[]", out.stdout


def test_old_tensor_names_are_named_as_the_checkpoint_spells_them(tmp_path):
    """In a bundle with TF 1.0's names (weights, biases), a wrong shape is reported under those names."""
    raw, variables = _parts("basic_rnn")
    old = {k.replace("/kernel", "/weights").replace("/bias", "/biases") if not k.startswith("fully") else k: v
           for k, v in variables.items()}
    name = "rnn/multi_rnn_cell/cell_1/basic_lstm_cell/weights"
    old[name] = old[name][1:]
    _refused(raw, _tensors(old), tmp_path, name, "shape")
