"""`composer-app convert IN OUT`: any readable music file to a Standard MIDI File."""

from __future__ import annotations

from pathlib import Path

from composer_app.cli.errors import reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("convert", help="convert a MIDI, MusicXML, .mxl, ABC or Humdrum file to MIDI")
    p.add_argument("input", type=Path)
    p.add_argument("output", type=Path, help="the .mid file to write")
    p.set_defaults(func=run)


@reports_user_errors
def run(args) -> int:
    from composer_app.music.io import read_song, write_song

    song = read_song(args.input)
    write_song(song, args.output)
    print(f"Wrote {args.output} ({len(song.tracks)} tracks, {song.note_count} notes"
          + (f", {len(song.chords)} chord symbols" if song.chords else "") + ")")
    return 0
