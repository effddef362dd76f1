"""The MusicVAE checkpoints the app ships load in Magenta 2.1.4 itself (when its reference venv is installed): one of
its config's own sizes in music_vae_generate, a smaller one through Magenta's Python API with the sizes its card
names."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from composer_app.models.musicvae.inspect import describe_checkpoint
from composer_app.models.musicvae.shipped import shipped_vaes
from composer_app.models.training.vae.spec import TRAINABLE, size_overrides

MAGENTA_VENV = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "CUDA_VISIBLE_DEVICES": ""}
# What a card tells a Magenta user to run for a smaller model (finish_shipped_vae.py writes the same lines).
SAMPLE_IN_PYTHON = """
import sys
from magenta.models.music_vae import configs
from magenta.models.music_vae.trained_model import TrainedModel
config = configs.CONFIG_MAP[sys.argv[1]]
config.hparams.parse(sys.argv[2])
model = TrainedModel(config, batch_size=2, checkpoint_dir_or_path=sys.argv[3])
print(len(model.sample(n=2, length=config.hparams.max_seq_len, temperature=0.5)), "sequences")
"""


def test_size_overrides_name_only_what_differs_from_magentas_config():
    """Magenta's own sizes need no overrides; a smaller model names its z and LSTM sizes as Magenta spells them."""
    assert size_overrides("cat-drums_2bar_small", 256, [512], [256, 256]) == ""
    assert size_overrides("cat-mel_2bar_small", 64, [128], [128, 128]) == \
        "z_size=64,enc_rnn_size=[128],dec_rnn_size=[128,128]"


@pytest.mark.parametrize("shipped", shipped_vaes(), ids=lambda s: s.config_id)
def test_magenta_samples_from_the_shipped_checkpoint(shipped, tmp_path):
    """Each shipped checkpoint gives Magenta's sampler two sequences."""
    if not (MAGENTA_VENV / "bin" / "music_vae_generate").exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    sizes = describe_checkpoint(shipped.path)
    assert shipped.config_id in TRAINABLE
    overrides = size_overrides(shipped.config_id, sizes["z_size"], sizes["encoder_sizes"], sizes["decoder_sizes"])
    if overrides:
        command = [str(MAGENTA_VENV / "bin" / "python"), "-c", SAMPLE_IN_PYTHON, shipped.config_id, overrides,
                   str(shipped.path)]
    else:
        command = [str(MAGENTA_VENV / "bin" / "music_vae_generate"), f"--config={shipped.config_id}",
                   f"--checkpoint_file={shipped.path}", "--mode=sample", "--num_outputs=2",
                   f"--output_dir={tmp_path}"]
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2 sequences" in done.stdout if overrides else len(list(tmp_path.glob("*.mid"))) == 2
