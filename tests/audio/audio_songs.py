"""Small songs the audio tests render: a major scale, a drum beat, a four-track arrangement."""

from __future__ import annotations

from composer_app.music.song import PPQ, Note, Song, TempoChange, Track, drum_track


def scale_song(base: int = 60, program: int = 0, qpm: float = 120.0) -> Song:
    """A major scale of half-second notes (at 120 qpm), slightly detached."""
    pitches = [base + d for d in (0, 2, 4, 5, 7, 9, 11, 12)]
    notes = tuple(Note(i * PPQ, p, PPQ - 60, 100) for i, p in enumerate(pitches))
    return Song(tracks=(Track(name="Scale", program=program, notes=notes),), tempos=(TempoChange(0, qpm),))


def drum_song(bars: int = 2) -> Song:
    """A rock beat: kick on 1 and 3, snare on 2 and 4, closed hats on eighths."""
    notes = []
    for bar in range(bars):
        for eighth in range(8):
            t = bar * 4 * PPQ + eighth * PPQ // 2
            notes.append(Note(t, 42, 120, 80))
            if eighth in (0, 4):
                notes.append(Note(t, 36, 120, 110))
            if eighth in (2, 6):
                notes.append(Note(t, 38, 120, 105))
    return Song(tracks=(drum_track(notes=notes),))


def four_track_song(bars: int = 8, qpm: float = 120.0) -> Song:
    """Melody, chords, bass and drums, `bars` bars of 4/4: a stand-in for a typical arrangement."""
    melody, chords, bass = [], [], []
    progression = [(60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62)]
    for bar in range(bars):
        root = bar * 4 * PPQ
        triad = progression[bar % 4]
        for i, p in enumerate((72, 74, 76, 79, 77, 76, 74, 72)):
            melody.append(Note(root + i * PPQ // 2, p + (bar % 2), PPQ // 2 - 20, 90))
        chords.extend(Note(root, p, 4 * PPQ - 40, 70) for p in triad)
        for beat in range(4):
            bass.append(Note(root + beat * PPQ, triad[0] - 24, PPQ - 40, 100))
    drums = drum_song(bars).tracks[0]
    return Song(
        tracks=(
            Track(name="Melody", program=0, channel=0, notes=tuple(melody)),
            Track(name="Chords", program=48, channel=1, notes=tuple(chords)),
            Track(name="Bass", program=33, channel=2, notes=tuple(bass)),
            drums,
        ),
        tempos=(TempoChange(0, qpm),),
    )
