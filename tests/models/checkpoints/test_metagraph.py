"""The hand-written MetaGraphDef reader: the state shapes TensorFlow's own parser sees, and clear errors."""

from __future__ import annotations

import pytest

from composer_app.models.checkpoints.bundle_proto import parse_bundle
from composer_app.models.checkpoints.metagraph import state_shapes
from composer_app.models.checkpoints.sstable import FormatError
from tests.conftest import ROOT, SHARED
from tests.models.checkpoints import builders
from tests.models.checkpoints.builders import blob, num, shape_proto

BUNDLES = sorted((ROOT / "composer_app" / "resources" / "bundles").glob("*.mag")) + sorted(
    p for folder in ("magenta", "magenta-rnn2") for p in (SHARED / "fixtures" / folder).glob("*.mag"))


def _tensorflows_reading(tf_meta, metagraph: bytes) -> list:
    meta = tf_meta.MetaGraphDef()
    meta.ParseFromString(metagraph)
    nodes = {n.name: n for n in meta.graph_def.node}
    out = []
    for tensor in meta.collection_def["initial_state"].node_list.value:
        node, shape = nodes.get(tensor.split(":")[0]), None
        if node is not None and "_output_shapes" in node.attr and node.attr["_output_shapes"].list.shape:
            first = node.attr["_output_shapes"].list.shape[0]
            shape = None if first.unknown_rank else tuple(d.size for d in first.dim)
        out.append((tensor.split(":")[0], shape))
    return out


@pytest.mark.parametrize("path", BUNDLES, ids=lambda p: p.name)
def test_every_bundle_reads_as_tensorflow_reads_it(path):
    """The state tensors and their shapes equal what TensorFlow's protobuf parser finds, for every bundle here."""
    tf_meta = pytest.importorskip("tensorflow.core.protobuf.meta_graph_pb2")
    metagraph = parse_bundle(path.read_bytes()).metagraph
    ours = state_shapes(metagraph)
    assert ours and ours == _tensorflows_reading(tf_meta, metagraph)


def test_unknown_ranks_missing_nodes_and_dims():
    """An unknown rank and a node the graph lacks give None; an unknown dimension stays -1."""
    graph = builders.metagraph([("a", [-1, 64]), ("b", [])])
    unknown = blob(1, blob(1, b"c") + blob(5, blob(1, b"_output_shapes") + blob(2, blob(1, blob(7, num(3, 1))))))
    graph = blob(2, unknown) + graph
    lists_c = blob(4, blob(1, b"initial_state") + blob(2, blob(1, blob(1, b"a:0") + blob(1, b"c:0") + blob(1, b"z:0"))))
    assert state_shapes(graph + lists_c) == [("a", (-1, 64)), ("c", None), ("z", None)]


def test_the_last_collection_entry_wins_and_odd_wire_types_are_skipped():
    """As in protobuf, a repeated map key keeps its last value, and known fields of another wire type are skipped."""
    first = builders.metagraph([("a", [1, 2])])
    second = blob(4, blob(1, b"initial_state") + blob(2, blob(1, blob(1, b"b:0"))))
    odd = num(2, 7) + num(4, 1)  # graph_def and collection_def as varints: unknown fields to a parser
    nodes = blob(2, blob(1, blob(1, b"b") + blob(5, blob(1, b"_output_shapes")
                                                  + blob(2, blob(1, blob(7, shape_proto([3, 4])))))))
    assert state_shapes(first + odd + second + nodes) == [("b", (3, 4))]


def test_no_metagraph_or_no_state_collection_gives_nothing():
    """An empty metagraph, or one without initial_state, lists no state."""
    assert state_shapes(b"") == []
    assert state_shapes(builders.metagraph([("a", [1, 2])], collection="final_state")) == []


@pytest.mark.parametrize("damage", ["cut", "not utf-8", "group"])
def test_malformed_metagraphs_raise_format_error(damage):
    """A cut message, a name that is not UTF-8 and a wire type protobuf does not use here raise FormatError."""
    graph = builders.metagraph([("a", [1, 2])])
    data = {"cut": graph[:-3],
            "not utf-8": graph.replace(b"a:0", b"\xff:0"),
            "group": graph + bytes([4 << 3 | 3])}[damage]
    with pytest.raises(FormatError):
        state_shapes(data)
