"""The MusicVAE config registry: configs by Magenta's names, and which one a checkpoint is."""

import pytest

from composer_app.cli.music_vae import CONFIG_IDS as CLI_CONFIG_IDS
from composer_app.models.musicvae.configs import CONFIG_IDS, ConfigMismatchError, detect_config, get_config
from composer_app.models.musicvae.model import MusicVae
from tests.conftest import shared_path


@pytest.mark.parametrize("name,config", [("mel2bar_tiny", "cat-mel_2bar_small"),
                                         ("drums2bar_tiny", "cat-drums_2bar_small"),
                                         ("hierdec_mel16_tiny", "hierdec-mel_16bar")])
def test_detect_config_reads_the_tensors(name, config):
    """Each fixture's config is found from its tensors' sizes alone."""
    model = MusicVae.load(shared_path("fixtures", "magenta-vae", name + ".tar"))
    assert detect_config(model.weights).id == config


def test_a_config_of_another_structure_is_refused_naming_both():
    """A drums --config for a melody checkpoint raises, naming the asked and the found config."""
    model = MusicVae.load(shared_path("fixtures", "magenta-vae", "mel2bar_tiny.tar"))
    with pytest.raises(ConfigMismatchError, match="cat-mel_2bar_small.*cat-drums_2bar_small"):
        detect_config(model.weights, "cat-drums_2bar_small")
    assert detect_config(model.weights, "cat-mel_2bar_big").id == "cat-mel_2bar_big"


def test_registry_lengths_and_the_cli_list_agree():
    """max_seq_len is 32 for the 2-bar configs and 256 for hierdec; the CLI offers exactly these configs."""
    assert get_config("hierdec-mel_16bar").max_seq_len == 256
    assert get_config("cat-drums_2bar_big").max_seq_len == 32
    assert CLI_CONFIG_IDS == CONFIG_IDS
