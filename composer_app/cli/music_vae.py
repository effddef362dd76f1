"""MusicVAE on the command line: `music_vae_generate` with Magenta's flags, and `composer-app vae encode|decode|groove`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from composer_app.cli.errors import UserError, reports_user_errors
from composer_app.cli.generate import _positive_float, _positive_int, _seed

CONFIG_IDS = ("cat-mel_2bar_small", "cat-mel_2bar_big", "hierdec-mel_16bar", "cat-drums_2bar_small",
              "cat-drums_2bar_big", "flat-trio_16bar", "hierdec-trio_16bar", "nade-drums_2bar_reduced",
              "nade-drums_2bar_full", "groovae_2bar_humanize", "groovae_2bar_tap_fixed_velocity",
              "groovae_2bar_add_closed_hh", "groovae_4bar", "groovae_2bar_hits_control_tfds",
              "groovae_2bar_hits_control",
              )  # models/musicvae/configs.py (with its aliases), named here so the parser imports no numpy
MAX_OUTPUTS = 10_000
HPARAMS_HELP = ("Magenta's hparams, e.g. 'z_size=16,max_seq_len=64': sizes are checked against the checkpoint, "
                "max_seq_len sets the length decoded; training-only hparams are accepted and change nothing")
INPUT_BARS_HELP = ("use the window within these bars (from 1, both included) when an input has several "
                   "(default: the first)")


def _num_outputs(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_OUTPUTS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_OUTPUTS} outputs, got {value}")
    return value


def _input_bars(text: str) -> tuple[int, int]:
    """START:END, bars counted from 1 as a DAW shows them, both included; as (first, last) counted from 0."""
    try:
        start, end = (int(part) for part in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected START:END bar numbers such as 5:6, got {text!r}") from None
    if not 1 <= start <= end:
        raise argparse.ArgumentTypeError(f"expected 1 <= START <= END, got {text!r}")
    return start - 1, end - 1


def _load(checkpoint: Path, config_id: str | None, hparams: str | None = None):
    """The model and its config, the config (and the sizes --hparams gives) checked against the checkpoint."""
    from composer_app.models.musicvae.configs import apply_hparams, detect_config
    from composer_app.models.musicvae.model import MusicVae

    model = MusicVae.load(checkpoint)
    return model, apply_hparams(detect_config(model.weights, config_id), model.weights, hparams)


def _windows(path: Path, config, bars: tuple[int, int] | None = None):
    """The converter's windows of a file, or the first within `bars`; a file without one names itself."""
    from composer_app.models.musicvae.converters import NoMusicError
    from composer_app.music.io import read_song

    song = read_song(path)
    try:
        windows = config.converter().to_windows(song)
        return windows if bars is None else windows.pick(*bars)
    except NoMusicError as exc:
        raise type(exc)(f"{path}: {exc.summary}") from None


def _note_rows(song) -> list[list]:
    """[pitch, velocity, start s, end s, is_drum] as Magenta's NoteSequence notes, sorted by start then pitch."""
    from composer_app.music.song import PPQ

    seconds = 60.0 / song.qpm / PPQ
    rows = [[n.pitch, n.velocity, n.start * seconds, n.end * seconds, t.is_drum]
            for t in song.tracks for n in t.notes]
    return sorted(rows, key=lambda r: (r[2], r[0]))


def _rng(seed):
    import numpy as np

    return np.random.default_rng(seed)


def _decode_batches(model, config, z, temperature: float, rng, batch: int, controls=None):
    """Classes [n, steps] (a trio: [n, steps, 3], melody, bass, drums), NADE rolls [n, steps, classes], or for
    GrooVAE the outputs [n, steps, 27]."""
    import numpy as np

    if config.kind == "groove":
        def decode(part, *args):
            return model.decode_groove(part, *args, controls=controls)
    else:
        decode = model.decode_nade if config.kind == "nade" else model.decode
    out = [decode(z[i:i + batch], config.max_seq_len, temperature, rng) for i in range(0, len(z), batch)]
    return np.concatenate(out) if out else np.zeros((0, config.max_seq_len), np.int64)


def _decoded(converter, row) -> dict:
    """One decoded output as JSON: the classes, the NADE's multi-hot rows, or GrooVAE's hits/velocities/offsets,
    and the notes."""
    if converter.kind != "groove":
        key = "multilabel" if getattr(converter, "roll_output", False) else "classes"
        return {key: row.astype(int).tolist(), "notes": _note_rows(converter.to_song(row))}
    third = converter.num_classes
    return {"hits": row[:, :third].astype(int).tolist(), "velocities": row[:, third:2 * third].tolist(),
            "offsets": row[:, 2 * third:].tolist(), "notes": [r[:5] for r in converter.note_rows(row)]}


def _describe(k: int, out: dict) -> str:
    """One decoded output as text; a NADE's multi-hot rows one step a line (bit k: drum class k)."""
    head = f"output {k}: {len(out['notes'])} notes"
    if "multilabel" in out:
        return "\n".join([head + "; drum classes per step:"] + [
            f"  {step:3d} " + "".join(str(b) for b in row) for step, row in enumerate(out["multilabel"])])
    what = f"classes {out['classes']}" if "classes" in out else f"hits per step {out['hits']}"
    return f"{head}; {what}"


@reports_user_errors
def run_encode(args) -> int:
    model, config = _load(args.checkpoint, args.config, args.hparams)
    windows = _windows(args.input, config, args.input_bars)
    mu, sigma = model.encode(windows.inputs, list(windows.lengths), getattr(windows, "controls", None))
    if args.json:
        print(json.dumps({"config": config.id, "windows": [
            {"start_bar": b + 1, "length": int(n), "classes": list(c), "mu": m.tolist(), "sigma": s.tolist()}
            for b, n, c, m, s in zip(windows.start_bars, windows.lengths, windows.classes, mu, sigma)]}))
    else:
        print(f"{args.input}: {len(windows)} window(s) of {config.slice_bars} bars ({config.id}, z size "
              f"{model.z_size})")
        for b, m in zip(windows.start_bars, mu):
            print(f"  from bar {b + 1}: |mu| = {float((m ** 2).sum() ** 0.5):.4f}")
    return 0


def _read_z(path: Path, z_size: int):
    import numpy as np

    try:
        data = json.loads(path.read_text())
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UserError(f"{path} is not JSON: {exc}") from None
    if isinstance(data, dict):
        data = data.get("z", data.get("mu"))
    try:
        z = np.asarray(data, np.float32)
    except (TypeError, ValueError):
        z = np.zeros((0,))
    z = z[None] if z.ndim == 1 else z
    if z.ndim != 2 or z.shape[1] != z_size or not len(z) or not np.isfinite(z).all():
        raise UserError(f"{path} must hold a list of z vectors of {z_size} numbers (or {{\"z\": [...]}})")
    return z


@reports_user_errors
def run_decode(args) -> int:
    model, config = _load(args.checkpoint, args.config, args.hparams)
    z = _read_z(args.z, model.z_size)
    controls = _controls(args.controls, model, config)
    classes = _decode_batches(model, config, z, args.temperature, _rng(args.seed), 64, controls)
    converter = config.converter()
    outputs = [_decoded(converter, row) for row in classes]
    if args.json:
        print(json.dumps({"config": config.id, "temperature": args.temperature, "outputs": outputs}))
    else:
        for k, out in enumerate(outputs):
            print(_describe(k, out))
    return 0


def _controls(path: Path | None, model, config):
    """The controls of --controls (hits control: the hits of the file's first window), or None."""
    if path is None:
        if model.control_depth:
            raise UserError(f"{config.id} decodes with the hits of a drum part as controls: give --controls FILE.mid")
        return None
    if not model.control_depth:
        raise UserError(f"{config.id} takes no controls; leave out --controls")
    from composer_app.models.musicvae.converters import NoMusicError
    from composer_app.music.io import read_song

    try:
        return config.converter().to_windows(read_song(path), pad_last=True).controls[0]
    except NoMusicError as exc:
        raise type(exc)(f"{path}: {exc.summary}") from None


def add_parser(sub) -> None:
    p = sub.add_parser("vae", help="MusicVAE: encode a MIDI file to z, decode z to music, or regroove drums")
    vae = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    enc = vae.add_parser("encode", help="mu and sigma of each window of a MIDI file")
    enc.add_argument("checkpoint", type=Path, help="a MusicVAE checkpoint: .tar, model.ckpt-N or a training folder")
    enc.add_argument("input", type=Path, help="a MIDI (or other music) file")
    enc.add_argument("--config", choices=CONFIG_IDS, help="Magenta's config name (default: from the checkpoint)")
    enc.add_argument("--hparams", help=HPARAMS_HELP)
    enc.add_argument("--input_bars", type=_input_bars, metavar="START:END", help=INPUT_BARS_HELP)
    enc.add_argument("--json", action="store_true", help="print JSON")
    enc.set_defaults(func=run_encode)
    dec = vae.add_parser("decode", help="the classes (NADE: multi-hot rows; GrooVAE: hits, velocities, offsets) "
                         "and notes made of z")
    dec.add_argument("checkpoint", type=Path, help="a MusicVAE checkpoint: .tar, model.ckpt-N or a training folder")
    dec.add_argument("--z", type=Path, required=True, help='a JSON file: a list of z vectors, or {"z": [...]}')
    dec.add_argument("--config", choices=CONFIG_IDS, help="Magenta's config name (default: from the checkpoint)")
    dec.add_argument("--hparams", help=HPARAMS_HELP)
    dec.add_argument("--temperature", type=_positive_float, default=0.5, help="randomness of the decoder")
    dec.add_argument("--seed", type=_seed, help="random seed: the same seed gives the same music")
    dec.add_argument("--controls", type=Path, metavar="FILE.mid",
                     help="hits control GrooVAE: decode with the hits of this file's first window as the controls")
    dec.add_argument("--json", action="store_true", help="print JSON")
    dec.set_defaults(func=run_decode)
    groove = vae.add_parser("groove", help="GrooVAE on a drum part of any length: humanize, tap to drums, add a "
                            "closed hi-hat or regroove with hits control, window by window")
    groove.add_argument("checkpoint", type=Path, help="a GrooVAE checkpoint: .tar, model.ckpt-N or a training folder")
    groove.add_argument("input", type=Path, help="a MIDI file with drums (4/4, one tempo)")
    groove.add_argument("output", type=Path, help="the MIDI file to write")
    groove.add_argument("--config", choices=CONFIG_IDS, help="Magenta's config name (default: from the checkpoint; "
                        "the 2-bar GrooVAEs and groovae_4bar look alike, so name yours)")
    groove.add_argument("--hparams", help=HPARAMS_HELP)
    groove.add_argument("--temperature", type=_positive_float, default=0.5, help="randomness of the hits")
    groove.add_argument("--seed", type=_seed, help="random seed: the same seed gives the same music")
    groove.add_argument("--keep-hits", action="store_true",
                        help="humanize: keep the input's hits, so that only their timing and dynamics change (an "
                             "addition to Magenta, whose decoder may drop or add hits)")
    groove.set_defaults(func=run_groove)


@reports_user_errors
def run_groove(args) -> int:
    from composer_app.models.musicvae.configs import CONFIGS
    from composer_app.models.musicvae.converters import NoMusicError
    from composer_app.models.musicvae.groove_song import regroove
    from composer_app.music.io import read_song, write_song

    model, config = _load(args.checkpoint, args.config, args.hparams)
    if config.kind != "groove":
        raise UserError(f"{args.checkpoint} is a {config.id} checkpoint; `vae groove` needs a GrooVAE")
    song = read_song(args.input)
    try:
        result = regroove(model, config, song, args.temperature, _rng(args.seed), args.keep_hits)
    except NoMusicError as exc:
        raise type(exc)(f"{args.input}: {exc.summary}") from None
    write_song(result.song, args.output)
    if result.unmapped_pitches:
        print(f"Left out the drum notes of pitches {list(result.unmapped_pitches)}, outside {config.id}'s drum map")
    print(f"Wrote {args.output} ({config.id}, {result.windows} window(s) of {config.slice_bars} bars)")
    alike = [c.id for c in CONFIGS if c.id != config.id and c.structure() == config.structure()]
    if args.config is None and alike:
        print(f"The checkpoint was taken as {config.id}; its weights could be {', '.join(alike)} as well: "
              "name yours with --config")
    return 0


def _output_names(output_dir: Path, config_id: str, mode: str, total: int) -> list[Path]:
    """Magenta's `{config}_{mode}_{date}_{time}-{i:03d}-of-{total:03d}.mid`; never an earlier run's name."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    run = 1
    while True:
        tag = stamp if run == 1 else f"{stamp}-{run}"
        names = [output_dir / f"{config_id}_{mode}_{tag}-{i:03d}-of-{total:03d}.mid" for i in range(total)]
        if not any(p.exists() for p in names):
            return names
        run += 1


def _shipped(config_id: str | None) -> Path:
    """The checkpoint this app ships for --config, when neither --checkpoint_file nor --run_dir is given."""
    from composer_app.models.musicvae.shipped import shipped_vae_path, shipped_vaes

    if config_id is not None and shipped_vae_path(config_id).is_file():
        return shipped_vae_path(config_id)
    ids = [s.config_id for s in shipped_vaes()]
    offer = f"this app ships checkpoints for {', '.join(ids)}" if ids else "this app ships no MusicVAE checkpoint yet"
    if config_id is None:
        raise UserError("give --checkpoint_file (a MusicVAE checkpoint .tar or model.ckpt-N) or --run_dir (a training "
                        f"folder), or --config to use the checkpoint shipped for that config ({offer})")
    raise UserError(f"no checkpoint ships with this app for {config_id} ({offer}); give one with --checkpoint_file "
                    "(a MusicVAE .tar or model.ckpt-N) or --run_dir (a training folder)")


@reports_user_errors
def run_generate(args) -> int:
    from composer_app.models.musicvae.model import interpolate
    from composer_app.music.io import write_song

    if args.checkpoint_file is not None and args.run_dir is not None:
        raise UserError("give one of --checkpoint_file (a MusicVAE checkpoint .tar or model.ckpt-N) and --run_dir "
                        "(a training folder), not both")
    model, config = _load(args.checkpoint_file or args.run_dir or _shipped(args.config), args.config, args.hparams)
    rng = _rng(args.seed)
    if args.mode == "interpolate":
        if args.input_midi_1 is None or args.input_midi_2 is None:
            raise UserError("--mode=interpolate needs --input_midi_1 and --input_midi_2")
        if args.num_outputs < 2:
            raise UserError("--mode=interpolate needs --num_outputs of at least 2 (both ends are included)")
        # Magenta refuses a file with more than one window; the first one (or the one the user picks) is taken.
        ends = [_windows(path, config, args.input_bars) for path in (args.input_midi_1, args.input_midi_2)]
        mus = [model.encode(w.inputs[:1], list(w.lengths[:1]))[0][0] for w in ends]
        z = interpolate(mus[0], mus[1], args.num_outputs)
    else:
        z = rng.standard_normal((args.num_outputs, model.z_size)).astype("float32")
    classes = _decode_batches(model, config, z, args.temperature, rng, args.max_batch_size)
    converter = config.converter()
    try:
        args.output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the output folder {args.output_dir}: {exc.strerror or exc}") from None
    for row, path in zip(classes, _output_names(args.output_dir, config.id, args.mode, len(classes))):
        write_song(converter.to_song(row), path)
    print(f"Wrote {len(classes)} MIDI files to {args.output_dir} ({config.id}, {args.mode})")
    return 0


def build_generate_parser():
    from composer_app.cli.main import OneLineParser

    p = OneLineParser(prog="music_vae_generate", description="Sample or interpolate with a MusicVAE, as Magenta's "
                      "music_vae_generate.")
    p.add_argument("--config", choices=CONFIG_IDS, help="Magenta's config name (default: from the checkpoint)")
    p.add_argument("--checkpoint_file", type=Path, help="a MusicVAE checkpoint: Magenta's .tar, or model.ckpt-N "
                   "(default: the one this app ships for --config, where there is one)")
    p.add_argument("--run_dir", type=Path, help="a training folder: its newest checkpoint (in train/) is used")
    p.add_argument("--hparams", help=HPARAMS_HELP)
    p.add_argument("--input_bars", type=_input_bars, metavar="START:END", help=INPUT_BARS_HELP)
    p.add_argument("--mode", choices=("sample", "interpolate"), required=True)
    p.add_argument("--input_midi_1", type=Path, help="the first end of an interpolation")
    p.add_argument("--input_midi_2", type=Path, help="the last end of an interpolation")
    p.add_argument("--num_outputs", type=_num_outputs, default=5, help="how many files to write")
    p.add_argument("--max_batch_size", type=_positive_int, default=8, help="z vectors decoded together")
    p.add_argument("--temperature", type=_positive_float, default=0.5, help="randomness of the decoder")
    p.add_argument("--output_dir", type=Path, default=Path("/tmp/music_vae/generated"),
                   help="where to write the MIDI files")
    p.add_argument("--seed", type=_seed, help="random seed: the same seed gives the same music")
    return p


def main(argv: list[str] | None = None) -> int:
    """Console script `music_vae_generate`."""
    args = build_generate_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    return run_generate(args)
