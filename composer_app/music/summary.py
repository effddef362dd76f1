"""A plain-data summary of a song, for `composer-app info` and the app's file dialogs."""

from __future__ import annotations

from composer_app.music.gm import program_name
from composer_app.music.song import Song


def summarize(song: Song) -> dict:
    """Tracks, programs, note counts, tempo, time signature, length and chord symbols, as JSON-ready data."""
    return {
        "title": song.title,
        "tempo_qpm": round(song.qpm, 3),
        "tempo_changes": len(song.tempos),
        "time_signature": str(song.time_signature),
        "time_signature_changes": len(song.time_signatures),
        "length_bars": round(song.bar_count(), 3),
        "length_seconds": round(song.duration_seconds, 3),
        "note_count": song.note_count,
        "tracks": [
            {
                "name": t.name,
                "program": t.program,
                "instrument": "Drum kit" if t.is_drum else program_name(t.program),
                "is_drum": t.is_drum,
                "channel": t.channel + 1,
                "notes": len(t.notes),
                "pitch_range": [min(n.pitch for n in t.notes), max(n.pitch for n in t.notes)] if t.notes else None,
            }
            for t in song.tracks
        ],
        "chords": [c.figure for c in song.chords],
    }


def format_summary(info: dict, name: str = "") -> str:
    lines = []
    if name:
        lines.append(name + (f"  ({info['title']})" if info["title"] else ""))
    lines.append(
        f"Tempo {info['tempo_qpm']:g} qpm"
        + (f" ({info['tempo_changes']} tempo changes; models use the first)" if info["tempo_changes"] > 1 else "")
        + f", time signature {info['time_signature']}"
        + (f" ({info['time_signature_changes']} changes)" if info["time_signature_changes"] > 1 else "")
    )
    lines.append(f"Length {info['length_bars']:g} bars ({info['length_seconds']:.1f} s), {info['note_count']} notes")
    lines.append(f"{len(info['tracks'])} track(s):")
    for i, t in enumerate(info["tracks"], 1):
        rng = f", pitches {t['pitch_range'][0]}-{t['pitch_range'][1]}" if t["pitch_range"] else ""
        prog = "drums" if t["is_drum"] else f"program {t['program']} ({t['instrument']})"
        lines.append(f"  {i}. {t['name']}: {prog}, channel {t['channel']}, {t['notes']} notes{rng}")
    if info["chords"]:
        shown = " ".join(info["chords"][:32]) + (" ..." if len(info["chords"]) > 32 else "")
        lines.append(f"Chord symbols ({len(info['chords'])}): {shown}")
    else:
        lines.append("Chord symbols: none")
    return "\n".join(lines)
