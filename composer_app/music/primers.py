"""Parsers for Magenta's textual primers (--primer_melody, --primer_drums, --primer_pitches, chords)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from composer_app.music.chords import ChordSymbolError, parse_chord_symbol
from composer_app.music.errors import PrimerError
from composer_app.music.song import PPQ, Note, Track
from composer_app.said import Said, said

MELODY_EVENT_RANGE = (-2, 127)


@dataclass(frozen=True, slots=True)
class Token:
    """One primer token. kind: "[", "]", "(", ")", ",", "int", "number" (not whole), "word" or "end"."""

    kind: str
    text: str
    position: int
    value: int = 0


_PUNCTUATION = "[](),"
_WORD_STOP = _PUNCTUATION + " \t\r\n"


def tokenize(text: str) -> list[Token]:
    """Split a primer into brackets, commas, numbers and stray words; always ends with an "end" token."""
    tokens = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
            continue
        if char in _PUNCTUATION:
            tokens.append(Token(char, char, i))
            i += 1
            continue
        start = i
        while i < len(text) and text[i] not in _WORD_STOP:
            i += 1
        word = text[start:i]
        body = word[1:] if word[0] in "+-" else word
        if body.isascii() and body.isdigit():
            tokens.append(Token("int", word, start, int(word)))
        elif _is_number(word):
            tokens.append(Token("number", word, start))
        else:
            tokens.append(Token("word", word, start))
    tokens.append(Token("end", "", len(text)))
    return tokens


def _is_number(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return any(c.isdigit() for c in word)


def _describe(token: Token) -> str:
    """The token as a message names it (said() text for the end, else the token quoted)."""
    return said("the end of the text") if token.kind == "end" else repr(token.text)


class _Parser:
    """A cursor over the tokens with the error reporting every primer shares."""

    def __init__(self, text: str, what: Said):
        self.text = text
        self.what = what
        self.tokens = tokenize(text)
        self.i = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, token: Token, problem: Said) -> PrimerError:
        return PrimerError(self.text, token.position, problem)

    def integer(self, low: int, high: int, meaning: Said) -> int:
        token = self.take()
        if token.kind == "int":
            if not low <= token.value <= high:
                raise self.error(token, said("{value} is not {meaning}").format(value=token.value, meaning=meaning))
            return token.value
        if token.kind == "number":
            raise self.error(token, said("{text} is not a whole number").format(text=token.text))
        raise self.error(token, said("expected a number, found {found}").format(found=_describe(token)))

    def items(self, read_item, closer: str, opener: Token) -> list:
        """Comma-separated items up to `closer`, a trailing comma allowed."""
        items = []
        while True:
            if self.token.kind == closer:
                self.take()
                return items
            if self.token.kind == "end":
                raise self.error(opener, said("this {opener!r} is never closed with {closer!r}").format(
                    opener=opener.kind, closer=closer))
            items.append(read_item())
            token = self.token
            if token.kind == ",":
                self.take()
            elif token.kind != closer:
                if token.kind == "end":
                    raise self.error(opener, said("this {opener!r} is never closed with {closer!r}").format(
                        opener=opener.kind, closer=closer))
                if token.kind in ("]", ")") and token.kind != closer:
                    raise self.error(token, said("{closer!r} does not match the {opener!r} it closes").format(
                        closer=token.kind, opener=opener.kind))
                raise self.error(token, said("expected ',' or {closer!r}, found {found}").format(
                    closer=closer, found=_describe(token)))

    def outer_list(self, read_item) -> list:
        """A "[...]" list, or the same items with no brackets at all."""
        if self.token.kind == "end":
            raise self.error(self.token, said("the {what} is empty").format(what=self.what))
        if self.token.kind == "[":
            opener = self.take()
            items = self.items(read_item, "]", opener)
        else:
            if self.token.kind == "]":
                raise self.error(self.token, said("this ']' has no '[' before it"))
            items = [read_item()]
            while self.token.kind == ",":
                self.take()
                if self.token.kind == "end":
                    break
                items.append(read_item())
        if self.token.kind != "end":
            token = self.token
            if token.kind in ("]", ")"):
                raise self.error(token, said("this {closer!r} has nothing to close").format(closer=token.kind))
            raise self.error(token, said(
                "unexpected {found} after the {what}").format(found=_describe(token), what=self.what))
        return items


def parse_melody_primer(text: str) -> list[int]:
    """A melody primer such as "[60, -2, 60, -2, 67, -2, 67, -2]".

    -2 holds (no event), -1 is a note off, 0..127 starts a note. Brackets may be left out together.
    """
    parser = _Parser(text, said("melody primer"))

    def event() -> int:
        if parser.token.kind in ("(", "["):
            raise parser.error(parser.token, said("a melody primer is a flat list of numbers"))
        return parser.integer(-2, 127, said("a melody event (-2 = no event, -1 = note off, 0..127 = a note)"))

    return parser.outer_list(event)


def parse_drums_primer(text: str) -> list[frozenset[int]]:
    """A drum primer such as "[(36, 42), (), (42,)]": the drum pitches struck at each step.

    A step may also be written "[36, 42]" or, for one drum, as a bare number.
    """
    parser = _Parser(text, said("drum primer"))

    def pitch() -> int:
        return parser.integer(0, 127, said("a drum pitch (0..127)"))

    def step() -> frozenset[int]:
        token = parser.token
        if token.kind in ("(", "["):
            opener = parser.take()
            pitches = parser.items(pitch, ")" if opener.kind == "(" else "]", opener)
            return frozenset(pitches)
        return frozenset([pitch()])

    return parser.outer_list(step)


def parse_pitches_primer(text: str) -> list[int]:
    """A pitches primer such as "[60, 64, 67]": MIDI pitches sounded together as the opening chord."""
    parser = _Parser(text, said("pitches primer"))
    seen: set[int] = set()

    def pitch() -> int:
        token = parser.token
        if token.kind in ("(", "["):
            raise parser.error(token, said("a pitches primer is a flat list of MIDI pitches"))
        value = parser.integer(0, 127, said("a MIDI pitch (0..127)"))
        if value in seen:
            raise parser.error(token, said("pitch {pitch} is listed twice").format(pitch=value))
        seen.add(value)
        return value

    return parser.outer_list(pitch)


def pitches_primer_to_track(
    pitches: Iterable[int],
    name: str = "Primer",
    program: int = 0,
    channel: int = 0,
    start_tick: int = 0,
    velocity: int = 100,
) -> Track:
    """The pitches held together for one quarter note, as Magenta's polyphony primer plays them."""
    notes = tuple(Note(start_tick, pitch, PPQ, velocity) for pitch in pitches)
    return Track(name=name, program=program, channel=channel, notes=notes)


def parse_chords(text: str) -> list[str]:
    """Chord symbols separated by spaces, commas or bar lines, e.g. "C G Am F" or "Bdim E7 N.C."."""
    chords = []
    i = 0
    while i < len(text):
        if text[i].isspace() or text[i] in ",|":
            i += 1
            continue
        start = i
        while i < len(text) and not (text[i].isspace() or text[i] in ",|"):
            i += 1
        figure = text[start:i]
        try:
            parse_chord_symbol(figure)
        except ChordSymbolError as exc:
            raise PrimerError(text, start, said("{figure!r} is not a chord symbol: {problem}").format(
                figure=figure, problem=exc.problem)) from exc
        chords.append(figure)
    if not chords:
        raise PrimerError(text, 0, said("there are no chords"))
    return chords


__all__ = [
    "tokenize",
    "parse_melody_primer",
    "parse_drums_primer",
    "parse_pitches_primer",
    "pitches_primer_to_track",
    "parse_chords",
]
