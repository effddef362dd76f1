"""The models' names and descriptions, and the scale names, in the user's language.

The model registry (composer_app.models) is plain Python without Qt, so the texts are marked for translation here;
a test checks that every model the panel offers is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from composer_app.models.rnn.bundle_description import read_training_facts

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
    QT_TRANSLATE_NOOP("models", "Polyphony RNN"),
    QT_TRANSLATE_NOOP("models", "Polyphonic music (chords, voices) on a 16th-note grid: continues a part, or harmonises a melody."),
    QT_TRANSLATE_NOOP("models", "Performance RNN"),
    QT_TRANSLATE_NOOP("models", "Expressive piano in 10 ms steps, with timing but no dynamics."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (dynamics)"),
    QT_TRANSLATE_NOOP("models", "Expressive piano in 10 ms steps, with timing and 32 levels of loudness."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (dynamics, compact)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, fed the event's class number instead of a one-hot vector."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (dynamics, modulo)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, its inputs as points on circles (pitch, pitch class, shift, velocity)."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (dynamics, note encoding)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, one event per note: its onset, pitch, loudness and length."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (note density)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, steered by notes per second."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (pitch classes)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, steered by a pitch-class histogram."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (density and pitch classes)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, steered by notes per second and a pitch-class histogram."),
    QT_TRANSLATE_NOOP("models", "Performance RNN (optional conditioning)"),
    QT_TRANSLATE_NOOP("models", "Performance RNN with dynamics, steered by density and pitch classes, or free where conditioning is off."),
    # The descriptions Magenta's own bundles carry (the shipped bundles keep them).
    QT_TRANSLATE_NOOP("models", "Monophonic RNN with one-hot encoding."),
    QT_TRANSLATE_NOOP("models", "Melody RNN with lookback encoding."),
    QT_TRANSLATE_NOOP("models", "Melody RNN with lookback encoding and attention."),
    QT_TRANSLATE_NOOP("models", "Drums RNN with multiple drums and binary counters."),
    QT_TRANSLATE_NOOP("models", "Drums RNN with a single drum type."),
)
# The training data of the shipped bundles, as their descriptions name it (scripts/shipped_data.py writes them; a
# test checks that each shipped bundle's reads in Japanese). A leading count is {0}, so a retrained bundle with
# another number of files is still translated.
SHIPPED_DATA = (
    QT_TRANSLATE_NOOP("models", "{0} files of OpenScore Lieder, OpenEWLD, Bach chorales, O'Neill's, Ryan's Mammoth, "
                                "Aird's Airs (CC0 and public domain)"),
    QT_TRANSLATE_NOOP("models", "the Groove MIDI Dataset (CC BY 4.0, Gillick et al. 2019)"),
    QT_TRANSLATE_NOOP("models", "{0} files of OpenEWLD and OpenScore Lieder (public domain and CC0)"),
    QT_TRANSLATE_NOOP("models", "{0} Bach chorales of music21's corpus (public domain)"),
    QT_TRANSLATE_NOOP("models", "ASAP piano performances (CC BY-NC-SA 4.0: non-commercial use only)"),
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


def bundle_text(description: str) -> str:
    """A bundle's own description in the current language: the line our trainer writes is rebuilt from its
    facts; any other text (Magenta's bundles, a user's) is shown as it is."""
    facts = read_training_facts(description)
    if facts is None:
        return model_text(description)
    translate = QCoreApplication.translate
    data = data_text(facts.data)
    text = (translate("models", "Trained by composer-app on {data}: {sequences} sequences, {steps} steps") if data
            else translate("models", "Trained by composer-app: {sequences} sequences, {steps} steps"))
    text = text.format(data=data, sequences=facts.sequences, steps=facts.steps)
    if facts.kept_step is not None:
        text += translate("models", " (weights of step {step}, the best held-out)").format(step=facts.kept_step)
    if facts.perplexity is not None and facts.accuracy is not None:
        text += translate("models", "; held-out perplexity {perplexity:.3f}, accuracy {accuracy:.3f}").format(
            perplexity=facts.perplexity, accuracy=facts.accuracy)
    return text + translate("models", ".")


def data_text(data: str) -> str:
    """A bundle's training data in words, in the current language: listed as it is, or with its leading count as
    {0}; anything else (a user's own words) unchanged."""
    shown = model_text(data)
    if shown != data:
        return shown
    count, _space, rest = data.partition(" ")
    if count.isdigit() and rest:
        template = "{0} " + rest
        shown = model_text(template)
        if shown != template:
            return shown.replace("{0}", count)
    return data
