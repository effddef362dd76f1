"""`composer-app play IN`: play any readable music file through the default audio output."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from composer_app.cli.errors import UserError, reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("play", help="play a MIDI, MusicXML, .mxl, ABC or Humdrum file (Ctrl+C stops)")
    p.add_argument("input", type=Path)
    p.add_argument("--soundfont", type=Path, metavar="SF2",
                   help="an .sf2/.sf3 SoundFont (default: FluidR3_GM when installed, else TimGM6mb)")
    p.add_argument("--loop", action="store_true", help="play over and over until Ctrl+C")
    p.set_defaults(func=run)


@reports_user_errors
def run(args) -> int:
    from composer_app.audio.errors import AudioError
    from composer_app.audio.player import PLAYING, Player
    from composer_app.music.io import read_song

    song = read_song(args.input)
    if not song.note_count:
        raise UserError(f"{args.input}: has no notes to play")
    player = Player(soundfont=args.soundfont)
    try:
        if not player.prepare():
            raise UserError(f"cannot play sound: {player.unavailable_reason}; "
                            "`composer-app render` can write a WAV file instead")
        if player.soundfont.fallback_reason:
            print(f"composer-app: warning: {player.soundfont.fallback_reason}", file=sys.stderr)
        player.set_song(song)
        player.set_loop_enabled(args.loop)
        print(f"Playing {args.input} ({_clock(song.duration_seconds)}) with {player.soundfont.name}; "
              "Ctrl+C stops", flush=True)
        player.play()
        while player.state == PLAYING:
            time.sleep(0.05)
    except AudioError as exc:
        raise UserError(str(exc)) from None
    except KeyboardInterrupt:
        player.stop()
        # Let the fade-out reach the device before closing it.
        time.sleep(0.1)
    finally:
        player.close()
    return 0


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"
