"""Signal measurements the audio tests share: band energy at a frequency, onsets, clicks."""

from __future__ import annotations

import numpy as np


def mono(audio: np.ndarray) -> np.ndarray:
    return audio.astype(np.float64).mean(axis=1)


def midi_hz(pitch: int) -> float:
    return 440.0 * 2 ** ((pitch - 69) / 12)


def band_energy(x: np.ndarray, sample_rate: int, hz: float, semitones: float = 0.5) -> float:
    """Energy of a Hann-windowed stretch within ± `semitones` of a frequency."""
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / sample_rate)
    lo, hi = hz * 2 ** (-semitones / 12), hz * 2 ** (semitones / 12)
    return float(spectrum[(freqs >= lo) & (freqs <= hi)].sum())


def peak_hz(x: np.ndarray, sample_rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / sample_rate)[spectrum.argmax()])


def onset_near(audio: np.ndarray, frame: int, sample_rate: int) -> int:
    """The first frame near `frame` where the level jumps well above what came just before; relative to `frame`."""
    x = np.abs(audio.astype(np.float64)).max(axis=1)
    before = x[max(0, frame - int(0.04 * sample_rate)):max(0, frame - int(0.01 * sample_rate))]
    base = before.max(initial=0.0)
    lead = int(0.01 * sample_rate)
    window = x[max(0, frame - lead):frame + int(0.03 * sample_rate)]
    peak = x[frame:frame + int(0.03 * sample_rate)].max(initial=0.0)
    above = window > max(3 * base, 0.2 * peak, 50)
    if not above.any():
        raise AssertionError(f"no onset found near frame {frame}")
    return int(np.argmax(above)) - min(lead, frame)


def rms(audio: np.ndarray) -> float:
    return float(np.sqrt(np.mean(audio.astype(np.float64) ** 2))) if len(audio) else 0.0


def max_step(audio: np.ndarray) -> float:
    """The largest sample-to-sample jump in either channel: a click shows up as an outlier here."""
    return float(np.abs(np.diff(audio.astype(np.float64), axis=0)).max()) if len(audio) > 1 else 0.0
