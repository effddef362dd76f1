"""The models' names and descriptions, and the scale names, in the user's language.

The model registry (composer_app.models) is plain Python without Qt, so the texts are marked for translation here;
a test checks that every model the panel offers is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

MODEL_TEXTS = (
    QT_TRANSLATE_NOOP("models", "Melody RNN (basic)"),
    QT_TRANSLATE_NOOP("models", "Melody RNN with one-hot encoding."),
    QT_TRANSLATE_NOOP("models", "Melody RNN (mono)"),
    QT_TRANSLATE_NOOP("models", "Monophonic RNN with one-hot encoding over the full MIDI range."),
    QT_TRANSLATE_NOOP("models", "Melody RNN (lookback)"),
    QT_TRANSLATE_NOOP("models", "Melody RNN with lookback encoding: it notices and repeats patterns from 1 and 2 bars ago."),
    QT_TRANSLATE_NOOP("models", "Melody RNN (attention)"),
    QT_TRANSLATE_NOOP("models", "Melody RNN with lookback encoding and attention: it keeps longer-term structure."),
    QT_TRANSLATE_NOOP("models", "Drums RNN (drum kit)"),
    QT_TRANSLATE_NOOP("models", "Drums RNN over a 9-piece kit (kick, snare, hi-hats, toms, cymbals), with attention."),
    QT_TRANSLATE_NOOP("models", "Drums RNN (one drum)"),
    QT_TRANSLATE_NOOP("models", "Drums RNN that plays a single drum: when to hit, not which drum."),
    QT_TRANSLATE_NOOP("models", "Improv RNN (basic)"),
    QT_TRANSLATE_NOOP("models", "Melody over backing chords; each chord is read as its triad (major, minor, augmented, diminished)."),
    QT_TRANSLATE_NOOP("models", "Improv RNN (attention)"),
    QT_TRANSLATE_NOOP("models", "Melody over backing chords (read as triads), with attention and the key-aware melody encoding."),
    QT_TRANSLATE_NOOP("models", "Improv RNN (chord pitches)"),
    QT_TRANSLATE_NOOP("models", "Melody over backing chords, hearing each chord's root, pitches and bass: any chord symbol works."),
    # The descriptions Magenta's own bundles carry (the shipped bundles keep them).
    QT_TRANSLATE_NOOP("models", "Monophonic RNN with one-hot encoding."),
    QT_TRANSLATE_NOOP("models", "Melody RNN with lookback encoding."),
    QT_TRANSLATE_NOOP("models", "Melody RNN with lookback encoding and attention."),
    QT_TRANSLATE_NOOP("models", "Drums RNN with multiple drums and binary counters."),
    QT_TRANSLATE_NOOP("models", "Drums RNN with a single drum type."),
)
SCALE_NAMES = (
    QT_TRANSLATE_NOOP("models", "major"),
    QT_TRANSLATE_NOOP("models", "natural minor"),
    QT_TRANSLATE_NOOP("models", "harmonic minor"),
    QT_TRANSLATE_NOOP("models", "dorian"),
    QT_TRANSLATE_NOOP("models", "mixolydian"),
    QT_TRANSLATE_NOOP("models", "major pentatonic"),
    QT_TRANSLATE_NOOP("models", "minor pentatonic"),
    QT_TRANSLATE_NOOP("models", "blues"),
)


def model_text(text: str) -> str:
    """A model's title or description, or a scale name, in the current language (unlisted text unchanged)."""
    return QCoreApplication.translate("models", text)
