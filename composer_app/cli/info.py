"""`composer-app info FILE`: what a music file holds."""

from __future__ import annotations

import json
from pathlib import Path

from composer_app.cli.errors import reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("info", help="show the tracks, tempo, length and chords of a music file")
    p.add_argument("file", type=Path, help="a MIDI, MusicXML, .mxl, ABC or Humdrum file")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.set_defaults(func=run)


@reports_user_errors
def run(args) -> int:
    from composer_app.music.io import read_song
    from composer_app.music.summary import format_summary, summarize

    info = summarize(read_song(args.file))
    if args.json:
        print(json.dumps({"file": str(args.file), **info}, indent=2))
    else:
        print(format_summary(info, str(args.file)))
    return 0
