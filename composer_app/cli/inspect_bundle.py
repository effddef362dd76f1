"""`composer-app inspect BUNDLE`: what a .mag bundle holds."""

from __future__ import annotations

import json
from pathlib import Path

from composer_app.cli.errors import reports_user_errors


def add_parser(sub) -> None:
    p = sub.add_parser("inspect", help="show a .mag bundle's model id, layout and sizes")
    p.add_argument("bundle", type=Path)
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.set_defaults(func=run)


@reports_user_errors
def run(args) -> int:
    from composer_app.models.rnn.bundle import read_bundle

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
