"""`composer-app render IN OUT.wav`: any readable music file to audio through FluidSynth."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from composer_app.cli.errors import UserError, reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("render", help="render a MIDI, MusicXML, .mxl, ABC or Humdrum file to WAV (or FLAC)")
    p.add_argument("input", type=Path)
    p.add_argument("output", type=Path, help="the .wav file to write (.flac when the soundfile package is installed)")
    p.add_argument("--soundfont", type=Path, metavar="SF2",
                   help="an .sf2/.sf3 SoundFont (default: FluidR3_GM when installed, else TimGM6mb)")
    p.add_argument("--sample-rate", type=int, default=44100, choices=(22050, 32000, 44100, 48000, 88200, 96000),
                   help="samples per second (default 44100)")
    p.set_defaults(func=run)


@reports_user_errors
def run(args) -> int:
    from composer_app.audio.errors import AudioError
    from composer_app.audio.render import AUDIO_SUFFIXES, render_to_file
    from composer_app.music.io import read_song

    if args.output.suffix.lower() not in AUDIO_SUFFIXES:
        raise UserError(f"{args.output}: the output must be a .wav or .flac file")
    song = read_song(args.input)
    if not song.note_count:
        raise UserError(f"{args.input}: has no notes to render")
    start = time.perf_counter()
    try:
        rendered = render_to_file(song, args.output, soundfont=args.soundfont, sample_rate=args.sample_rate)
    except AudioError as exc:
        raise UserError(str(exc)) from None
    elapsed = time.perf_counter() - start
    if rendered.soundfont.fallback_reason:
        print(f"composer-app: warning: {rendered.soundfont.fallback_reason}", file=sys.stderr)
    print(f"Wrote {args.output} ({_clock(rendered.seconds)}, {rendered.sample_rate} Hz stereo, "
          f"{rendered.soundfont.name}, rendered in {elapsed:.1f} s)")
    return 0


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"
