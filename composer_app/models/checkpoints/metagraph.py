"""The little of a TensorFlow MetaGraphDef a bundle needs, read by hand from the wire format (no TensorFlow).

Only two things are read: which tensors the `initial_state` collection lists, and the `_output_shapes` attribute
of the nodes that make them:

message MetaGraphDef { GraphDef graph_def = 2; map<string, CollectionDef> collection_def = 4; ... }
message GraphDef { repeated NodeDef node = 1; ... }
message NodeDef { string name = 1; map<string, AttrValue> attr = 5; ... }
message AttrValue { oneof value { ListValue list = 1; ... } }     message ListValue { repeated TensorShapeProto shape = 7; }
message CollectionDef { oneof kind { NodeList node_list = 1; ... } }  message NodeList { repeated string value = 1; }
message TensorShapeProto { repeated Dim dim = 2 { int64 size = 1; }; bool unknown_rank = 3; }

Like protobuf's own parser, a known field with an unexpected wire type is skipped as unknown; bytes that are not
a well-formed message at all raise FormatError (a BundleError).
"""

from __future__ import annotations

from composer_app.models.checkpoints.sstable import FormatError
from composer_app.models.checkpoints.tensor_protos import fields
from composer_app.said import said

STATE_COLLECTION = "initial_state"
MAX_STATE_TENSORS = 4096  # Magenta lists 2 per LSTM layer, plus 2 for attention
MAX_DIMS = 64


def _text(buf, span: tuple[int, int], what: str) -> str:
    try:
        return bytes(buf[span[0]:span[1]]).decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError(said("the metagraph's {what} is not UTF-8").format(what=what)) from None


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _submessages(buf, span: tuple[int, int], number: int):
    """Spans of the length-delimited fields `number` of the message in span."""
    for n, wire, value in fields(buf, *span):
        if n == number and wire == 2:
            yield value


def _map_entries(buf, span: tuple[int, int], number: int):
    """(key, value span) of a map<string, message> field; a missing value is an empty message."""
    for entry in _submessages(buf, span, number):
        key, value = "", (entry[1], entry[1])
        for n, wire, item in fields(buf, *entry):
            if n == 1 and wire == 2:
                key = _text(buf, item, "map key")
            elif n == 2 and wire == 2:
                value = item
        yield key, value


def _state_names(buf, whole: tuple[int, int]) -> list[str] | None:
    """The node names (":0" stripped) the initial_state collection lists, or None when there is no such list."""
    found = None
    for key, collection in _map_entries(buf, whole, 4):
        if key != STATE_COLLECTION:
            continue
        found = None  # as in a protobuf map, the last entry for a key wins
        for node_list in _submessages(buf, collection, 1):
            found = found or []
            for name in _submessages(buf, node_list, 1):
                if len(found) >= MAX_STATE_TENSORS:
                    raise FormatError(said("the metagraph lists more than {limit} state tensors").format(
                        limit=MAX_STATE_TENSORS))
                found.append(_text(buf, name, "state tensor name").split(":")[0])
    return found


def _shape(buf, span: tuple[int, int]) -> tuple[int, ...] | None:
    """A TensorShapeProto's dimensions (-1 where unknown), or None for an unknown rank."""
    dims = []
    for n, wire, value in fields(buf, *span):
        if n == 3 and wire == 0 and value:
            return None
        if n != 2 or wire != 2:
            continue
        if len(dims) >= MAX_DIMS:
            raise FormatError(said("a shape in the metagraph has more than {limit} dimensions").format(
                limit=MAX_DIMS))
        size = 0
        for m, w, v in fields(buf, *value):
            if m == 1 and w == 0:
                size = _signed(v)
        dims.append(size)
    return tuple(dims)


def _first_output_shape(buf, node: tuple[int, int]) -> tuple[int, ...] | None:
    shapes = None
    for key, attr in _map_entries(buf, node, 5):
        if key != "_output_shapes":
            continue
        shapes = None
        for shape_list in _submessages(buf, attr, 1):
            for shape in _submessages(buf, shape_list, 7):
                shapes = _shape(buf, shape)
                break
    return shapes


def state_shapes(metagraph: bytes) -> list[tuple[str, tuple[int, ...] | None]]:
    """(node name, its first output's shape or None) of each tensor the initial_state collection lists, in order.

    Empty when the metagraph is empty or lists no state. Nodes the graph lacks get None.
    """
    if not metagraph:
        return []
    buf = memoryview(metagraph)
    whole = (0, len(buf))
    names = _state_names(buf, whole)
    if not names:
        return []
    wanted = set(names)
    shapes: dict[str, tuple[int, ...] | None] = {}
    for graph in _submessages(buf, whole, 2):
        for node in _submessages(buf, graph, 1):
            name = ""
            for n, wire, value in fields(buf, *node):
                if n == 1 and wire == 2:
                    name = _text(buf, value, "node name")
            if name in wanted:
                shapes[name] = _first_output_shape(buf, node)  # a repeated name: the last node wins
    return [(name, shapes.get(name)) for name in names]
