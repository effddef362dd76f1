"""How close a GrooVAE's drums come to the held-out performances: timing and velocity errors of the hits it places
where the drummer played them, and the same for the trivial answer, the model's input taken as its output."""

from __future__ import annotations

import numpy as np

DRUMS = 9


def _parts(grid: np.ndarray):
    return grid[..., :DRUMS] > 0.5, grid[..., DRUMS:2 * DRUMS], grid[..., 2 * DRUMS:]


def groove_errors(placed: np.ndarray, performed: np.ndarray, step_seconds: np.ndarray) -> dict:
    """Figures of drums `placed` [n, steps, 27] against the performances [n, steps, 27] whose 16th lasts
    `step_seconds` [n]: over the (step, drum) hits both have, the mean absolute timing error in ms (offsets are
    in half-16ths) and velocity error in MIDI velocity (the placed velocity as written, round(v * 127)); and how
    many hits were placed, performed and matched (precision and recall of the hits)."""
    placed_hits, placed_velocity, placed_offset = _parts(placed)
    hits, velocity, offset = _parts(performed)
    both = placed_hits & hits
    ms = np.broadcast_to(np.asarray(step_seconds, np.float64)[:, None, None] * 1000.0 / 2.0, both.shape)
    timing = np.abs(np.clip(placed_offset, -1, 1) - offset)[both] * ms[both]
    written = np.clip(np.round(placed_velocity * 127), 0, 127)
    velocity_error = np.abs(written - np.round(velocity * 127))[both]
    matched, n_placed, n_performed = int(both.sum()), int(placed_hits.sum()), int(hits.sum())
    return {"timing_error_ms": float(timing.mean()) if matched else None,
            "velocity_error": float(velocity_error.mean()) if matched else None,
            "matched_hits": matched, "placed_hits": n_placed, "performed_hits": n_performed,
            "hit_precision": matched / n_placed if n_placed else None,
            "hit_recall": matched / n_performed if n_performed else None}


def flat_velocity(train_targets: np.ndarray) -> float:
    """The baseline's one velocity (0..1): the median of the training hits' velocities, the best constant for
    the mean absolute error."""
    hits, velocity, _ = _parts(train_targets)
    return float(np.median(velocity[hits])) if hits.any() else 80 / 127


def baseline_output(inputs: np.ndarray, flat: float) -> np.ndarray:
    """The input taken as the output: its hits and offsets (zero where the variant quantizes them), its velocity
    where it gives one, else the flat velocity."""
    hits, velocity, offset = _parts(inputs)
    filled = np.where(hits & (velocity <= 0), flat, velocity)
    return np.concatenate([hits.astype(np.float32), filled, offset], axis=-1).astype(np.float32)


def groove_report(model_output: np.ndarray, inputs: np.ndarray, performed: np.ndarray, step_seconds: np.ndarray,
                  flat: float) -> dict:
    """{"model": ..., "baseline": ..., "baseline_velocity": flat velocity in MIDI units, "windows": n}."""
    return {"model": groove_errors(model_output, performed, step_seconds),
            "baseline": groove_errors(baseline_output(inputs, flat), performed, step_seconds),
            "baseline_velocity": round(flat * 127, 1), "windows": int(len(performed))}


def report_line(report: dict) -> str:
    """One line for the log: the model's errors against the baseline's."""
    def shown(figures: dict) -> str:
        timing, velocity = figures["timing_error_ms"], figures["velocity_error"]
        recall = figures["hit_recall"]
        return (("timing -" if timing is None else f"timing {timing:.1f} ms")
                + (", velocity -" if velocity is None else f", velocity {velocity:.1f}")
                + ("" if recall is None else f", hit recall {recall:.3f}")
                + ("" if figures["hit_precision"] is None else f", precision {figures['hit_precision']:.3f}"))

    return (f"held-out groove ({report['windows']} windows): model {shown(report['model'])}; "
            f"input as output {shown(report['baseline'])}")
