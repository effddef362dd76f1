"""Where a generation lands in the song, and how a clip of several parts (a MusicVAE trio) is written there."""

from __future__ import annotations

from dataclasses import dataclass

from composer_app.music.song import Song, Track


@dataclass(frozen=True)
class Placement:
    """Where a generation lands in the song."""

    track_index: int
    origin: int  # tick of the primer's step 0 (a bar line)
    seam: int  # tick where the new material starts
    end: int  # tick where it ends
    is_region: bool = False
    track_name: str = ""  # to find the track again after tracks are moved ("" in projects saved before)


def part_index(tracks, part: Track) -> int | None:
    """The song's track a clip's part belongs to: the one of its name and kind (drums or not)."""
    return next((i for i, t in enumerate(tracks) if t.name == part.name and t.is_drum == part.is_drum), None)


def with_parts(song: Song, parts, placement: Placement) -> Song:
    """The song with each part written over its span in its own track (a track is added for a part it lacks)."""
    tracks = list(song.tracks)
    for part in parts:
        i = part_index(tracks, part)
        if i is None:
            tracks.append(part)
            continue
        kept = [n for n in tracks[i].notes if not (placement.seam <= n.start < placement.end)]
        tracks[i] = tracks[i].with_notes(sorted(kept + list(part.notes)))
    return song.with_tracks(tracks)
