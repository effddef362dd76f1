"""Tiny MusicXML lead sheets written by hand for the tests: notes, chord symbols, grace notes, voices, pickups."""

from __future__ import annotations

STEPS = ("C", "D", "E", "F", "G", "A", "B")
TUNE = ("C", "D", "E", "F", "G", "E", "D", "C")  # a bar of quarters per pair of these, cycling


def note(step: str, octave: int = 5, duration: int = 1, *, chord: bool = False, grace: bool = False,
         voice: int = 1, kind: str = "quarter") -> str:
    """One <note>; durations are in quarters (divisions = 1)."""
    return ("<note>" + ("<grace/>" if grace else "") + ("<chord/>" if chord else "")
            + f"<pitch><step>{step}</step><octave>{octave}</octave></pitch>"
            + ("" if grace else f"<duration>{duration}</duration>")
            + f"<voice>{voice}</voice><type>{'eighth' if grace else kind}</type></note>")


def harmony(root: str, kind: str = "major", degrees: str = "") -> str:
    """A <harmony> chord symbol: a root step (with "#"/"b" after it), a MusicXML kind, optional <degree>s."""
    alter = {"#": 1, "b": -1}.get(root[1:], 0)
    return (f"<harmony><root><root-step>{root[0]}</root-step>"
            + (f"<root-alter>{alter}</root-alter>" if alter else "") + f"</root><kind>{kind}</kind>{degrees}</harmony>")


def attributes(beats: int = 4, beat_type: int = 4, first: bool = True) -> str:
    return ("<attributes>" + ("<divisions>1</divisions><key><fifths>0</fifths></key>" if first else "")
            + f"<time><beats>{beats}</beats><beat-type>{beat_type}</beat-type></time>"
            + ("<clef><sign>G</sign><line>2</line></clef>" if first else "") + "</attributes>")


def tune_bars(bars: int = 8, chords: tuple[str, ...] = ("C", "F", "G", "C")) -> list[str]:
    """Bars of four quarter notes, each bar opening with a major chord symbol from `chords` in turn."""
    out = []
    for bar in range(bars):
        steps = [TUNE[(2 * bar + i) % len(TUNE)] for i in range(4)]
        out.append(harmony(chords[bar % len(chords)]) + "".join(note(s) for s in steps))
    return out


def measures(contents: list[str], first_attributes: str | None = None, pickup: bool = False) -> str:
    """<measure>s around contents; the first holds the attributes (4/4 unless given)."""
    out = []
    for i, content in enumerate(contents):
        head = (first_attributes or attributes()) if i == 0 else ""
        implicit = ' implicit="yes"' if pickup and i == 0 else ""
        out.append(f'<measure number="{i + (0 if pickup else 1)}"{implicit}>{head}{content}</measure>')
    return "".join(out)


def score(*parts: str, channels: tuple[int | None, ...] | None = None, tempo: str = "") -> str:
    """A score-partwise document of parts (each the measures of one part); a channel of None leaves it out."""
    channels = channels or (None,) * len(parts)
    part_list = "".join(
        f'<score-part id="P{i + 1}"><part-name>Part {i + 1}</part-name>'
        + (f'<midi-instrument id="P{i + 1}-I1"><midi-channel>{channel}</midi-channel></midi-instrument>'
           if channel is not None else "")
        + "</score-part>" for i, channel in enumerate(channels))
    body = "".join(f'<part id="P{i + 1}">{p}</part>' for i, p in enumerate(parts))
    return ('<?xml version="1.0" encoding="UTF-8"?><score-partwise version="3.1">'
            f"<part-list>{part_list}</part-list>{body}</score-partwise>")


def lead_sheet(bars: int = 8, chords: tuple[str, ...] = ("C", "F", "G", "C")) -> str:
    """A plain one-part lead sheet that Magenta's pipeline reads as well."""
    return score(measures(tune_bars(bars, chords)))


# A pickup of one quarter (G), then eight bars of quarters; no chord symbols in the score.
_BARS = (("C", "E", "G", "E"), ("D", "F#", "A", "F#"), ("G", "B", "D", "F"), ("E", "G", "C", "G"),
         ("F", "A", "C", "A"), ("G", "B", "D", "B"), ("C", "E", "G", "E"), ("C", "D", "E", "C"))
ANALYSIS = """Composer: Test
Title: Handmade
Analyst: a test

Time Signature: 4/4

m0 b4 C: V
m1 I
m2 V65/V b3 V/V
m3 V7 b4 V42
m4 I6
m5 IV
m6 V7
m7 I
m8 I
"""


def _note_xml(step: str) -> str:
    return ('<note><pitch><step>' + step[0] + '</step>' + ('<alter>1</alter>' if step.endswith("#") else "")
            + '<octave>4</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type></note>')


def pickup_score(first_number: int = 0) -> str:
    """A one-quarter pickup (G) and eight bars of quarters, no chord symbols; measures numbered from 0 (or from
    `first_number`)."""
    bars = ["".join(_note_xml(s) for s in bar) for bar in _BARS]
    xml = score(measures([note("G", 4)] + bars, first_attributes=attributes(4, 4), pickup=True))
    if first_number:  # a score that numbers its pickup 1 (and so every bar one higher)
        for number in range(len(_BARS), -1, -1):
            xml = xml.replace(f'<measure number="{number}"', f'<measure number="{number + first_number}"')
    return xml


def write_song_with_analysis(folder, analysis: str = ANALYSIS, first_number: int = 0):
    """A folder as the Lieder corpus has them: the score (a pickup, eight bars, no chords) and its analysis."""
    folder.mkdir(parents=True)
    (folder / "lc1.musicxml").write_text(pickup_score(first_number))
    (folder / "analysis_automatic.rntxt").write_text(analysis)
    return folder / "lc1.musicxml"
