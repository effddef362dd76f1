"""Which pitch each row of the roll shows: all 128 pitches, or the nine lanes of Magenta's drum kit."""

from __future__ import annotations

from functools import lru_cache

from composer_app.music.scales import pitch_name

BLACK_KEYS = frozenset((1, 3, 6, 8, 10))


def note_name(pitch: int) -> str:
    """Scientific pitch name with C4 = 60, as the course uses."""
    return pitch_name(pitch, sharps=True)


def is_black_key(pitch: int) -> bool:
    return pitch % 12 in BLACK_KEYS


@lru_cache(maxsize=1)
def _drum_tables():
    # Imported on first use: the encodings package pulls in numpy, which start-up does not need.
    from composer_app.music.encodings.drums import DEFAULT_DRUM_TYPE_PITCHES, DRUM_TYPE_NAMES, GM_DRUM_NAMES

    return DEFAULT_DRUM_TYPE_PITCHES, DRUM_TYPE_NAMES, GM_DRUM_NAMES


def drum_name(pitch: int) -> str:
    """General MIDI drum name of a pitch ("Acoustic Snare"), or its note name outside the GM map."""
    return _drum_tables()[2].get(pitch, note_name(pitch))


def kit_class_names() -> tuple[str, ...]:
    """Magenta's nine drum classes, named (Kick, Snare, Closed Hi-Hat, ...)."""
    return tuple(_drum_tables()[1])


class LaneMap:
    """Maps roll rows (0 at the top) to pitches and back.

    The chromatic map shows every pitch, highest at the top. The kit map shows one row per Magenta drum
    class, kick at the bottom; every pitch of a class sits in its row, and a note drawn there gets the
    class's first (canonical) pitch, the one Magenta plays back.
    """

    def __init__(self, pitches_top_down: tuple[int, ...], row_of: dict[int, int], labels: tuple[str, ...], kit: bool):
        self.pitches = pitches_top_down
        self._row_of = row_of
        self.labels = labels
        self.is_kit = kit

    @property
    def rows(self) -> int:
        return len(self.pitches)

    def row_of(self, pitch: int) -> int | None:
        return self._row_of.get(pitch)

    def pitch_of(self, row: int) -> int:
        return self.pitches[max(0, min(self.rows - 1, row))]

    def label(self, row: int) -> str:
        return self.labels[row]

    def shifted(self, pitch: int, rows_down: int) -> int | None:
        """The pitch rows_down rows below pitch's row (negative: up), or None past the edge."""
        row = self.row_of(pitch)
        if row is None:
            return None
        target = row + rows_down
        if not 0 <= target < self.rows:
            return None
        if not self.is_kit:
            return self.pitches[target]
        return pitch if target == row else self.pitches[target]


@lru_cache(maxsize=2)
def chromatic_lanes(drum_names: bool = False) -> LaneMap:
    """All 128 pitches; labels are note names, or GM drum names for a drum track."""
    pitches = tuple(range(127, -1, -1))
    labels = tuple(drum_name(p) if drum_names else note_name(p) for p in pitches)
    return LaneMap(pitches, {p: 127 - p for p in range(128)}, labels, kit=False)


@lru_cache(maxsize=1)
def kit_lanes() -> LaneMap:
    """Magenta's 9-class drum kit, kick at the bottom."""
    class_pitches, class_names, _ = _drum_tables()
    order = list(range(len(class_pitches)))[::-1]
    pitches = tuple(class_pitches[c][0] for c in order)
    row_of: dict[int, int] = {}
    for cls, plist in enumerate(class_pitches):
        for pitch in plist:
            row_of[pitch] = order.index(cls)  # a pitch listed twice belongs to the later class, as in Magenta
    labels = tuple(class_names[c] for c in order)
    return LaneMap(pitches, row_of, labels, kit=True)
