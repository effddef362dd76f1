"""Write the latest checkpoint of a training run (still going, or cut short) as a .mag bundle, to try it out.

Usage: export_run_bundle.py RUN_FOLDER OUTPUT.mag. The run's config and hparams are read from its state; the
bundle's description says which step it is. The shipped bundle is written by the training itself, not by this.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("run", type=Path)
    ap.add_argument("output", type=Path)
    args = ap.parse_args()
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.training.bundle_writer import write_bundle
    from composer_app.models.training.loop import Trainer
    from composer_app.models.training.run_folder import SIGNATURE

    signature = json.loads((args.run / SIGNATURE).read_text())
    config = get_config(signature["config"])
    hparams = replace(config.hparams, **{k: tuple(v) if isinstance(v, list) else v
                                         for k, v in signature["hparams"].items()})
    encoder = config.encoder()
    trainer = Trainer(config, hparams, encoder.input_size, encoder.num_classes, args.run)
    if not trainer.restore():
        print(f"no checkpoint in {args.run}", file=sys.stderr)
        return 1
    step = int(trainer.step.numpy())
    write_bundle(args.output, config, trainer.net.export_weights(), f"checkpoint of step {step} of a training run")
    print(f"{args.output}: step {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
