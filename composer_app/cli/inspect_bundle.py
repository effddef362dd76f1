"""`composer-app inspect BUNDLE`: what a .mag bundle or a MusicVAE checkpoint (.tar or model.ckpt-N) holds."""

from __future__ import annotations

import json
from pathlib import Path

from composer_app.cli.errors import reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("inspect", help="show a .mag bundle's or a MusicVAE checkpoint's model, layout and sizes")
    p.add_argument("bundle", type=Path, help="a .mag bundle, a MusicVAE .tar, or a checkpoint prefix model.ckpt-N")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.set_defaults(func=run)


@reports_user_errors
def run(args) -> int:
    from composer_app.models.checkpoints.checkpoint_paths import checkpoint_prefix
    from composer_app.models.rnn.bundle import read_bundle

    if args.bundle.suffix.lower() == ".tar" or args.bundle.is_dir() or checkpoint_prefix(args.bundle) is not None:
        return _run_vae(args)

    info = read_bundle(args.bundle).describe()
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"{args.bundle}")
    print(f"  generator id:   {info['generator_id']} ({info['generator_description']})")
    if info["bundle_description"]:
        print(f"  description:    {info['bundle_description']}")
    print(f"  layout:         {info['layout']}")
    print(f"  layer sizes:    {info['layer_sizes']}")
    print(f"  attn_length:    {info['attn_length']} (from the {info['attn_length_source']})"
          if info["attn_length"] else "  attn_length:    0 (no attention)")
    print(f"  input size:     {info['input_size']}")
    print(f"  classes:        {info['num_classes']}")
    return 0


def _sizes(sizes) -> str:
    return "[" + ", ".join(str(s) for s in sizes) + "]"


def _run_vae(args) -> int:
    from composer_app.models.musicvae.inspect import describe_checkpoint

    info = describe_checkpoint(args.bundle)
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"{args.bundle}")
    print("  model:          MusicVAE checkpoint")
    print(f"  config:         {info['config']} (detected)" if info["config"]
          else f"  config:         none this app runs ({info['config_problem']})")
    if info["also_fits"]:
        print(f"                  or {', '.join(info['also_fits'])}: the tensors cannot tell; choose with --config")
    print(f"  layout:         {info['layout']}")
    print(f"  z size:         {info['z_size']}")
    print(f"  encoder sizes:  {_sizes(info['encoder_sizes'])} (bidirectional)")
    print(f"  decoder sizes:  {_sizes(info['decoder_sizes'])}")
    print(f"  conductor:      {_sizes(info['conductor_sizes'])}" if info["conductor_sizes"]
          else "  conductor:      none (flat decoder)")
    print(f"  input depth:    {info['input_depth']}")
    parts = info["output_parts"]
    split = f", {info['core_decoders']} core decoders" if info["core_decoders"] > 1 else ""
    print(f"  output depth:   {info['output_depth']}" + (f" (parts {_sizes(parts)}{split})" if len(parts) > 1 else ""))
    if info["nade_hidden"]:
        print(f"  NADE:           {info['nade_hidden']} hidden units (multi-label outputs)")
    if info["control_depth"]:
        print(f"  controls:       {info['control_depth']} per step, into the encoder and the decoder")
    print(f"  parameters:     {info['parameters']:,} (plus {info['training_state_entries']} training-state entries)")
    print("  variables:")
    for var in info["variables"]:
        print(f"    {var['name']}  {_sizes(var['shape'])}")
    return 0
