"""The Training tab's MusicVAE sizes: the 16-bar model's smaller sizes keep Magenta's ratio of free bits to z."""

from __future__ import annotations

from composer_app.gui.training.vae_choices import MAGENTA, SIZES, SMALL, TINY, sizes
from composer_app.models.musicvae.hparams import parse_vae_hparams
from composer_app.models.training.vae.spec import TRAINABLE, training_config, training_hparams


def test_the_16_bar_small_sizes_scale_free_bits_with_z():
    """hierdec's 256 free bits at z 512 become 32 at the small size's z 64 and 2 at the tiny z 4; its own size
    stays Magenta's, and so do the 2-bar models' sizes."""
    hierdec = sizes("hierdec-mel_16bar")
    assert parse_vae_hparams(hierdec[SMALL][1])["free_bits"] == 32
    assert parse_vae_hparams(hierdec[TINY][1])["free_bits"] == 2
    assert hierdec[MAGENTA][1] == ""
    assert training_hparams(training_config("hierdec-mel_16bar"), hierdec[SMALL][1]).free_bits == 32
    assert TRAINABLE["hierdec-mel_16bar"]["free_bits"] == 256
    for config_id in ("cat-mel_2bar_small", "cat-drums_2bar_small", "groovae_2bar_humanize"):
        assert sizes(config_id) == SIZES
