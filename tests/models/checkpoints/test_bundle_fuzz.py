"""Structure-aware fuzzing of .mag bundles: every mutated bundle loads and scores, or raises BundleError."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from composer_app.models.checkpoints.bundle_proto import GeneratorBundle, parse_bundle, serialize_bundle
from composer_app.models.checkpoints.sstable import FormatError
from composer_app.models.errors import BundleError
from composer_app.models.rnn.bundle import Bundle, bundle_from_bytes
from composer_app.models.rnn.scoring import score_events
from tests.models.checkpoints import builders
from tests.models.conftest import bundle_path
from tests.music.time_limit import time_limit

CASES = 2000
SEED = 20240611
CASE_SECONDS = 5.0  # a case takes milliseconds; this only turns a hang into a failure naming the case
INTERESTING = [0, 1, 2, 3, 4, 7, 8, 31, 32, 33, 127, 128, 4095, 4096, 4097, 1 << 31, (1 << 31) - 1, 1 << 32,
               1 << 40, (1 << 63) - 1, 1 << 63, (1 << 64) - 1, -1, -2, -(1 << 31)]
DTYPES = list(range(0, 26)) + [99, 1 << 20, -1]
LAYER0 = "rnn/multi_rnn_cell/cell_0/attention_cell_wrapper"


# -- the bundles mutated ---------------------------------------------------------------------------------------------


def _base(config_id: str) -> tuple[GeneratorBundle, list[builders.Tensor]]:
    """A model's bundle and its tensors, keeping one optimizer slot so that skipped tensors are exercised too."""
    raw = parse_bundle(bundle_path(config_id).read_bytes())
    tensors = builders.tensors_of(raw.checkpoint_files[0])
    slots = [t for t in tensors if "Adam" in t.name]
    kept = [t for t in tensors if "Adam" not in t.name] + slots[:1]
    return raw, kept


def _stack_base() -> tuple[GeneratorBundle, list[builders.Tensor]]:
    """The attention fixture's first layer rewritten in the older layout that wraps the whole stack."""
    raw, tensors = _base("attention_rnn")
    out = []
    for t in tensors:
        if "cell_1" in t.name or "Adam" in t.name:
            continue
        name = t.name.replace(f"{LAYER0}/basic_lstm_cell", "rnn/attention_cell_wrapper/multi_rnn_cell/cell_0/"
                                                            "basic_lstm_cell")
        name = name.replace(f"{LAYER0}/attn_output_projection", "rnn/attention_cell_wrapper/attention_output_projection")
        name = name.replace(f"{LAYER0}/", "rnn/attention_cell_wrapper/")
        out.append(_renamed(t, name))
    size = next(t.shape[0] for t in out if t.name.endswith("attention_output_projection/bias"))
    state = "rnn/AttentionCellWrapperZeroState/zeros"
    graph = builders.metagraph([("rnn/MultiRNNCellZeroState/BasicLSTMCellZeroState/zeros", [1, size]),
                                (state, [1, size]), (state + "_1", [1, 40 * size])])
    return GeneratorBundle("attention_rnn", "stack layout", (), graph), out


def _renamed(tensor: builders.Tensor, name: str) -> builders.Tensor:
    """The tensor under another name (its saved slices are filed under the new name too)."""
    return tensor.with_(name=name)


# -- mutations --------------------------------------------------------------------------------------------------------


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0 or not out:
        return bytes(out[:rng.randrange(len(out) + 1)]) + bytes(rng.randrange(256) for _ in range(rng.randrange(3)))
    at = rng.randrange(len(out))
    if kind == 1:
        out[at] ^= 1 << rng.randrange(8)
    elif kind == 2:
        out[at] = rng.choice([0x00, 0x7F, 0x80, 0xFF])
    else:
        out[at:at] = bytes(rng.choice([0x80, 0xFF, 0x00]) for _ in range(rng.randrange(1, 5)))
    return bytes(out)


def _mutate_message(data: bytes, rng: random.Random, depth: int = 0) -> bytes:
    """Change one field somewhere in a protobuf message tree: descend, drop, repeat, renumber, retype or revalue."""
    try:
        items = builders.message_fields(data)
    except FormatError:
        items = []
    if not items:
        return _mutate_bytes(data, rng)
    i = rng.randrange(len(items))
    number, wire, value = items[i]
    op = rng.random()
    if wire == 2 and op < 0.55 and depth < 10:
        items[i] = (number, wire, _mutate_message(value, rng, depth + 1))
    elif op < 0.63:
        del items[i]
    elif op < 0.7:
        items.insert(i, items[i])
    elif op < 0.78:
        items[i] = (rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 16, 536870911]), wire, value)
    elif op < 0.93:
        if wire == 0:
            items[i] = (number, 0, rng.choice(INTERESTING) & ((1 << 64) - 1))
        elif wire == 2:
            items[i] = (number, 2, rng.choice([b"", value[:len(value) // 2], value + value[:8], b"\xff\xfe\x80",
                                               value[::-1]]))
        else:
            items[i] = (number, wire, bytes(rng.randrange(256) for _ in range(len(value))))
    else:
        new_wire = rng.choice([0, 1, 2, 5])
        payload = {0: 1, 1: b"\0" * 8, 2: b"\x01", 5: b"\0" * 4}[new_wire]
        items[i] = (number, new_wire, payload)
    return builders.encode_fields(items)


def _mutate_tensor(tensors: list[builders.Tensor], rng: random.Random) -> list[builders.Tensor]:
    """Change one tensor's header (dtype, shape, slices, name), its data, or which tensors there are."""
    tensors = list(tensors)
    i = rng.randrange(len(tensors))
    t = tensors[i]
    op = rng.randrange(12)
    if op == 0:
        tensors[i] = t.with_(dtype=rng.choice(DTYPES))
    elif op == 1:
        dims = list(t.shape)
        if dims and rng.random() < 0.7:
            dims[rng.randrange(len(dims))] = rng.choice(INTERESTING + [d + 1 for d in dims] + [max(d - 1, 0)
                                                                                              for d in dims])
        elif dims and rng.random() < 0.5:
            del dims[rng.randrange(len(dims))]
        else:
            dims.insert(rng.randrange(len(dims) + 1), rng.choice([1, 2, 0]))
        tensors[i] = t.with_(shape=tuple(dims))
    elif op == 2:
        extents = [(rng.choice([0, 1, -1, 5, 1 << 40]), rng.choice([None, 0, 1, 2, -1, 3, 1 << 33])) for _ in
                   range(rng.choice([len(t.shape), len(t.shape), 0, len(t.shape) + 1]))]
        tensors[i] = t.with_(parts=((tuple(extents), t.parts[0][1]),) + t.parts[1:])
    elif op == 3:
        tensors[i] = t.with_(parts=t.parts + t.parts)
    elif op == 4:
        tensors[i] = _renamed(t, rng.choice(tensors).name)
    elif op == 5:
        j = rng.randrange(len(tensors))
        tensors[i], tensors[j] = _renamed(tensors[j], t.name), _renamed(t, tensors[j].name)
    elif op == 6:
        del tensors[i]
    elif op in (7, 8):
        # A consistent tensor of another shape or type: the damage reaches the network's own checks.
        value = np.arange(rng.choice([0, 1, 4, 32, 128, 96]), dtype=np.float32) * 0.01
        shape = rng.choice([(value.size,), (1, value.size), (value.size // 4, 4) if value.size % 4 == 0 else ()])
        if not shape:
            value = value[:1]
        dtype = rng.choice([builders.DT_FLOAT, builders.DT_FLOAT, builders.DT_INT32, builders.DT_STRING, 2])
        if rng.random() < 0.2 and dtype in (builders.DT_FLOAT, 2):
            value = value * np.nan
        tensors[i] = builders.whole(t.name, value.reshape(shape) if shape else value.reshape(()), dtype)
    elif op == 9:
        extents, proto = t.parts[0]
        tensors[i] = t.with_(parts=((extents, _mutate_message(proto, rng)),) + t.parts[1:])
    elif op == 10:
        tensors.append(builders.whole(f"extra_{rng.randrange(3)}", np.array(["x", "y"]), builders.DT_STRING))
    else:
        tensors[i] = t.with_(name=t.name + rng.choice(["/", "\x00", "é", "/Adam", "_1"]))
    return tensors


def _mutate_graph(metagraph: bytes, rng: random.Random, attn_size: int) -> bytes:
    op = rng.randrange(4)
    if op == 0:
        return _mutate_message(metagraph, rng)
    if op == 1:
        return _mutate_bytes(metagraph, rng)
    width = rng.choice(INTERESTING + [attn_size * n for n in (1, 40, 4096, 4097, 1 << 20)])
    states = [("rnn/MultiRNNCellZeroState/AttentionCellWrapperZeroState/zeros", [rng.choice([1, -1, 0]), width])]
    if rng.random() < 0.3:
        states.append(("rnn/MultiRNNCellZeroState/AttentionCellWrapperZeroState/zeros_1", [1, 2, width]))
    return builders.metagraph(states, rng.choice(["initial_state", "initial_state", "final_state"]))


def _case(bases, rng: random.Random) -> tuple[str, bytes]:
    raw, tensors = rng.choice(bases)
    kinds = rng.sample(["bundle", "tensors", "graph", "tensors"], rng.randrange(1, 4))
    metagraph = raw.metagraph
    for kind in kinds:
        if kind == "tensors":
            tensors = _mutate_tensor(tensors, rng)
        elif kind == "graph":
            metagraph = _mutate_graph(metagraph, rng, 32)
    data = serialize_bundle(GeneratorBundle(raw.generator_id, raw.generator_description,
                                            (builders.checkpoint(tensors),), metagraph,
                                            raw.bundle_description))
    if "bundle" in kinds:
        data = _mutate_message(data, rng)
    return "+".join(kinds), data


def _outcome(data: bytes) -> str:
    """'loaded' (and scored) or the BundleError's kind; anything else propagates and fails the test."""
    try:
        bundle = bundle_from_bytes(data)
    except BundleError as exc:
        return " ".join(exc.problem.split()[:3])
    assert isinstance(bundle, Bundle)
    events = [frozenset({36}), frozenset(), frozenset({42})] if bundle.config.is_drums else [60, -2, 62, -1]
    score = score_events(bundle, events, raw=True)
    assert score.softmax.shape == (len(events), bundle.weights.num_classes)
    return "loaded"


@pytest.fixture(scope="module")
def bases():
    return [_base("attention_rnn"), _base("basic_rnn"), _stack_base()]


def test_the_bases_load(bases):
    """The unmutated bundles, the crafted stack-layout one included, load and score."""
    for raw, tensors in bases:
        data = serialize_bundle(GeneratorBundle(raw.generator_id, "", (builders.checkpoint(tensors),), raw.metagraph))
        assert _outcome(data) == "loaded"


def test_mutated_bundles_load_or_raise_bundle_error(bases):
    """Thousands of seeded mutations of bundle fields, tensor headers and metagraphs: each loads or is a BundleError."""
    rng = random.Random(SEED)
    outcomes: Counter = Counter()
    for number in range(CASES):
        kinds, data = _case(bases, rng)
        try:
            with time_limit(CASE_SECONDS, f"case {number} ({kinds})"):
                outcomes[_outcome(data)] += 1
        except Exception as exc:  # a hang is a BaseException: it fails the test on its own
            raise AssertionError(f"case {number} ({kinds}) raised {type(exc).__name__}: {exc}") from exc
    assert sum(outcomes.values()) == CASES
    # The mutations reach every layer of checks, and some mutated bundles still load (and score).
    for reached in ("loaded", "not a .mag", "its checkpoint cannot", "the checkpoint does", "its metagraph is",
                    "its attention history", "it was made"):
        assert outcomes[reached] >= 5, (reached, outcomes)
