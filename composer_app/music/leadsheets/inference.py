"""Chords for a piece that has none, inferred from its notes as note_seq's infer_chords_for_sequence models it.

A hidden Markov model over (key, chord) pairs: a frame's notes, as a unit pitch-class vector weighted by how long
each sounds, score a chord by their cosine with its tones; keys change rarely, chords at most once a frame, and a
chord's tones mostly lie in the key. The Viterbi path gives one chord per frame (one or two frames per bar).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from composer_app.music.chords import NO_CHORD
from composer_app.music.song import ChordSymbol, Song

_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
_KINDS = {"": (0, 4, 7), "m": (0, 3, 7), "+": (0, 4, 8), "dim": (0, 3, 6), "7": (0, 4, 7, 10),
          "maj7": (0, 4, 7, 11), "m7": (0, 3, 7, 10), "m7b5": (0, 3, 6, 10)}
_CHORDS = (NO_CHORD,) + tuple(name + kind for name in _NAMES for kind in _KINDS)
_MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)
# note_seq's defaults for meters it knows; any other metre gets one chord a bar.
FRAMES_PER_BAR = {(2, 2): 1, (2, 4): 1, (3, 4): 1, (4, 4): 2, (6, 8): 2}
MAX_FRAMES = 1000  # as note_seq: longer pieces are not inferred (the transition step is 1,164 x 1,164 a frame)

KEY_CHANGE_PROB = 0.001
CHORD_CHANGE_PROB = 0.5
OUT_OF_KEY_PROB = 0.01
CONCENTRATION = 100.0


def _chord_vectors() -> np.ndarray:
    """Unit pitch-class vectors of the chords (N.C. is all zeros), [97, 12]."""
    x = np.zeros((len(_CHORDS), 12))
    for i, (root, kind) in enumerate(((r, k) for r in range(12) for k in _KINDS), start=1):
        x[i, [(root + o) % 12 for o in _KINDS[kind]]] = 1.0
    x[1:] /= np.linalg.norm(x[1:], axis=1, keepdims=True)
    return x


@lru_cache(maxsize=1)
def _model() -> tuple[np.ndarray, np.ndarray]:
    """log P(chord | key) [12, 97] and the log transition matrix over key-major (key, chord) states [1164, 1164]."""
    tones = _chord_vectors() > 0
    in_key = np.zeros((12, len(_CHORDS)))
    for key in range(12):
        scale = np.zeros(12, bool)
        scale[[(key + o) % 12 for o in _MAJOR_SCALE]] = True
        in_key[key] = (tones & scale).sum(axis=1)
    out_key = tones.sum(axis=1)[None, :] - in_key
    chord_given_key = (1 - OUT_OF_KEY_PROB) ** in_key * OUT_OF_KEY_PROB ** out_key
    chord_given_key /= chord_given_key.sum(axis=1, keepdims=True)
    n = len(_CHORDS)
    key_of = np.repeat(np.arange(12), n)
    chord_of = np.tile(np.arange(n), 12)
    same_key = key_of[:, None] == key_of[None, :]
    same_chord = chord_of[:, None] == chord_of[None, :]
    target = chord_given_key[key_of[None, :], chord_of[None, :]]  # P(new chord | new key), per column
    # A change must leave the old chord: its share is spread over the others.
    moved = CHORD_CHANGE_PROB * (target + chord_given_key[key_of[None, :], chord_of[:, None]] / (n - 1))
    stay = np.where(same_chord, 1 - CHORD_CHANGE_PROB, moved) * (1 - KEY_CHANGE_PROB)
    transition = np.where(same_key, stay, KEY_CHANGE_PROB / 11 * target)
    return np.log(chord_given_key), np.log(transition)


def frame_pitch_vectors(song: Song, frame_ticks: int, frames: int) -> np.ndarray:
    """[frames, 12] unit vectors of how long each pitch class sounds in each frame (drum tracks left out)."""
    x = np.zeros((frames, 12))
    for track in song.tracks:
        if track.is_drum:
            continue
        for note in track.notes:
            first, last = note.start // frame_ticks, (max(note.end, note.start + 1) - 1) // frame_ticks
            for frame in range(first, min(last, frames - 1) + 1):
                lo, hi = max(note.start, frame * frame_ticks), min(note.end, (frame + 1) * frame_ticks)
                x[frame, note.pitch % 12] += max(hi - lo, 0)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)


def infer_chords(song: Song) -> tuple[ChordSymbol, ...]:
    """One chord per frame of the first metre (FRAMES_PER_BAR), listed where it changes; () when nothing fits."""
    sig = song.time_signature
    frame_ticks = sig.ticks_per_bar // FRAMES_PER_BAR.get((sig.numerator, sig.denominator), 1)
    frames = -(-song.end // max(frame_ticks, 1))
    if frames <= 0 or frames > MAX_FRAMES:
        return ()
    chord_loglik = CONCENTRATION * frame_pitch_vectors(song, frame_ticks, frames) @ _chord_vectors().T
    key_loglik, transition = _model()
    score = -np.log(12) + key_loglik.reshape(-1) + np.tile(chord_loglik[0], 12)
    back = np.zeros((frames, score.size), np.int32)
    for frame in range(1, frames):
        candidates = score[:, None] + transition
        back[frame] = candidates.argmax(axis=0)
        score = candidates[back[frame], np.arange(score.size)] + np.tile(chord_loglik[frame], 12)
    path = [int(score.argmax())]
    for frame in range(frames - 1, 0, -1):
        path.append(int(back[frame, path[-1]]))
    chords, previous = [], NO_CHORD
    for frame, state in enumerate(reversed(path)):
        figure = _CHORDS[state % len(_CHORDS)]
        if figure != previous:
            chords.append(ChordSymbol(frame * frame_ticks, figure))
            previous = figure
    return tuple(chords)


__all__ = ["FRAMES_PER_BAR", "infer_chords", "frame_pitch_vectors"]
