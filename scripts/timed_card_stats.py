"""The model cards' sample statistics for Polyphony and Performance RNN: CLI samples beside the held-out music."""

from __future__ import annotations

from collections import Counter

import numpy as np

PRIMER_CHORD = "[67,64,60]"  # Magenta's README example for Polyphony RNN: a C major triad
C_MAJOR = {0, 2, 4, 5, 7, 9, 11}


def sample_command(config) -> list[str]:
    """The CLI command that makes a timed family's card samples."""
    if config.family == "polyphony":  # 16 bars of 16ths after the primer chord, as Magenta's README runs it
        return ["polyphony_rnn_generate", "--config", config.id, "--num_steps", "256", "--primer_pitches",
                PRIMER_CHORD, "--condition_on_primer", "--num_outputs", "5", "--seed", "1"]
    return ["performance_rnn_generate", "--config", config.id, "--num_steps", "3000", "--num_outputs", "5",
            "--seed", "1"]  # 30 s of piano from silence


def unit(config) -> str:
    """What the rates count per: a quarter note for the chorales' polyphony, a second for performances."""
    return "quarter" if config.family == "polyphony" else "second"


def notes_of_sample(path, config) -> list[tuple[float, float, int, int]]:
    """(start, end, pitch, velocity) of a generated MIDI file's notes, in quarters (polyphony) or seconds."""
    from composer_app.music.io import read_song
    from composer_app.music.song import PPQ

    song = read_song(path)
    per = PPQ if config.family == "polyphony" else PPQ * song.qpm / 60.0  # the CLI writes one tempo
    return [(n.start / per, n.end / per, n.pitch, n.velocity) for t in song.tracks if not t.is_drum for n in t.notes]


def notes_of_held_out(sequence, config) -> list[tuple[float, float, int, int]]:
    """The same for an extracted held-out sequence (Polyphony: steps of 16ths; Performance: 10 ms steps)."""
    if config.family == "polyphony":
        from composer_app.music.encodings.polyphony import notes_from_events

        per = config.steps_per_quarter
        return [(a / per, b / per, p, 100) for a, b, p in notes_from_events(list(sequence.events))]
    from composer_app.music.encodings.performance import STEPS_PER_SECOND, notes_from_performance

    notes = notes_from_performance(list(sequence.events), config.num_velocity_bins)
    return [(a / STEPS_PER_SECOND, b / STEPS_PER_SECOND, p, v) for a, b, p, v in notes]


def _best_major_key(pitches) -> int:
    classes = Counter(p % 12 for p in pitches)
    return max(range(12), key=lambda k: sum(c for pc, c in classes.items() if (pc - k) % 12 in C_MAJOR))


def _sounding(notes) -> tuple[float, float]:
    """(time with at least one note sounding, summed note lengths) of one piece."""
    edges = sorted([(a, 1) for a, b, *_ in notes if b > a] + [(b, -1) for a, b, *_ in notes if b > a])
    busy, depth, last = 0.0, 0, 0.0
    for time, change in edges:
        if depth > 0:
            busy += time - last
        depth, last = depth + change, time
    return busy, sum(b - a for a, b, *_ in notes if b > a)


def timed_stats(pieces: list[list[tuple]], config) -> dict:
    """Rates, texture, range and key of a set of pieces (each a list of (start, end, pitch, velocity))."""
    notes = [n for piece in pieces for n in piece]
    length = sum(max((n[1] for n in piece), default=0.0) for piece in pieces)
    busy = summed = in_key = 0.0
    for piece in pieces:
        b, s = _sounding(piece)
        busy, summed = busy + b, summed + s
        key = _best_major_key([n[2] for n in piece])
        in_key += sum((n[2] - key) % 12 in C_MAJOR for n in piece)
    pitches = np.array([n[2] for n in notes] or [0])
    velocities = np.array([n[3] for n in notes] or [0])
    out = {f"notes_per_{unit(config)}": round(len(notes) / max(length, 1e-9), 2),
           "mean_notes_sounding": round(summed / max(busy, 1e-9), 2),
           "fraction_of_time_silent": round(1 - busy / max(length, 1e-9), 3),
           "median_note_length": round(float(np.median([n[1] - n[0] for n in notes] or [0])), 3),
           "pitch_5th_percentile": int(np.percentile(pitches, 5)),
           "pitch_95th_percentile": int(np.percentile(pitches, 95)),
           "fraction_in_key": round(in_key / max(len(notes), 1), 3), "pieces": len(pieces)}
    if config.family == "performance":
        out["mean_velocity"] = round(float(velocities.mean()), 1)
        out["velocity_standard_deviation"] = round(float(velocities.std()), 1)
    return out


LABELS = {
    "notes_per_quarter": "notes per quarter note", "notes_per_second": "notes per second",
    "mean_notes_sounding": "notes sounding at once (mean, while any sounds)",
    "fraction_of_time_silent": "fraction of the time silent",
    "median_note_length": "median note length ({unit}s)",
    "pitch_5th_percentile": "pitch, 5th percentile (MIDI)", "pitch_95th_percentile": "pitch, 95th percentile (MIDI)",
    "fraction_in_key": "fraction of notes in key (best-fitting major key per piece)",
    "mean_velocity": "mean velocity", "velocity_standard_deviation": "velocity, standard deviation",
}


def timed_stats_table(ours: dict, held: dict, config) -> str:
    """The card's table: the samples' figures beside the held-out music's."""
    lines = [f"| statistic | samples ({ours['pieces']}) | held-out ({held['pieces']}) |", "|---|---|---|"]
    lines += [f"| {label.format(unit=unit(config))} | {ours[key]} | {held[key]} |"
              for key, label in LABELS.items() if key in ours]
    return "\n".join(lines)
