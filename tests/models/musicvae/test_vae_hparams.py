"""MusicVAE `--hparams`: Magenta's names and syntax, sizes checked against the checkpoint, max_seq_len as length."""

from pathlib import Path

import pytest

from composer_app.errors import ComposerError
from composer_app.models.musicvae.configs import apply_hparams, detect_config, get_config
from composer_app.models.musicvae.hparams import SizesMismatchError, VaeHParamsError, parse_vae_hparams
from composer_app.models.musicvae.model import MusicVae
from tests.conftest import shared_path

TINY = "z_size=16,enc_rnn_size=[32],dec_rnn_size=[32,32],batch_size=16,learning_rate=0.03"


def tiny(name: str) -> MusicVae:
    return MusicVae.load(shared_path("fixtures", "magenta-vae", name + ".tar"))


def test_magentas_syntax_is_read_with_each_hparams_type():
    """Ints, floats, lists, booleans and strings parse as Magenta's HParams types them."""
    values = parse_vae_hparams("z_size=16, enc_rnn_size=[32,32],free_bits=48,sampling_schedule=inverse_sigmoid,"
                               "conditional=true,max_beta=0.2")
    assert values == {"z_size": 16, "enc_rnn_size": (32, 32), "free_bits": 48.0,
                      "sampling_schedule": "inverse_sigmoid", "conditional": True, "max_beta": 0.2}
    assert parse_vae_hparams("") == {} and parse_vae_hparams(None) == {}


@pytest.mark.parametrize("text, words", [
    ("zsize=3", "unknown hparam 'zsize'"),
    ("z_size=abc", "bad value 'abc'"),
    ("enc_rnn_size=[0]", r"bad value '\[0\]'"),
    ("dec_rnn_size=[99999]", "sizes are 1 to 16384"),
    ("max_seq_len=100000", "max_seq_len=100000 is out of range"),
    ("residual_decoder=true", "residual decoders"),
    ("use_cudnn=true", "cuDNN"),
    ("z_size", "cannot read hparams"),
])
def test_bad_hparams_name_the_problem(text, words):
    """An unknown name, a value of the wrong type or range, or an unsupported network is a VaeHParamsError."""
    with pytest.raises(VaeHParamsError, match=words) as info:
        parse_vae_hparams(text)
    assert "enc_rnn_size=[512]" in info.value.hint


def test_the_fixtures_own_hparams_apply_and_training_ones_change_nothing():
    """The override a checkpoint was trained with fits it; batch size and learning rate do not change the config."""
    model = tiny("mel2bar_tiny")
    base = detect_config(model.weights, "cat-mel_2bar_small")
    config = apply_hparams(base, model.weights, TINY)
    assert (config.z_size, config.enc_rnn_size, config.dec_rnn_size) == (16, (32,), (32, 32))
    assert config.max_seq_len == base.max_seq_len == 32 and config.id == "cat-mel_2bar_small"


def test_sizes_the_checkpoint_does_not_have_are_named_with_its_own():
    """z_size=256 on a z 16 checkpoint names both sizes, as a user error."""
    model = tiny("mel2bar_tiny")
    with pytest.raises(SizesMismatchError, match=r"z_size 256 \(the checkpoint has 16\)") as info:
        apply_hparams(get_config("cat-mel_2bar_small"), model.weights, "z_size=256,dec_rnn_size=[32,32]")
    assert isinstance(info.value, ComposerError) and "dec_rnn_size" not in str(info.value)


def test_max_seq_len_sets_the_length_up_to_what_a_conductor_decodes():
    """A flat decoder takes any max_seq_len; hierdec's conductor bounds it to its 16 bars."""
    flat = tiny("mel2bar_tiny")
    assert apply_hparams(get_config("cat-mel_2bar_small"), flat.weights, "max_seq_len=64").max_seq_len == 64
    hier = tiny("hierdec_mel16_tiny")
    config = get_config("hierdec-mel_16bar")
    assert apply_hparams(config, hier.weights, "max_seq_len=48").max_seq_len == 48
    with pytest.raises(VaeHParamsError, match="longer than hierdec-mel_16bar's 16 bars"):
        apply_hparams(config, hier.weights, "max_seq_len=512")


def test_a_nades_hidden_size_is_checked_too():
    """nade_num_hidden is compared with the NADE's tensors like the layer sizes."""
    model = MusicVae.load(Path(__file__).parent / "data" / "magenta" / "nade_reduced_tiny.tar")
    config = detect_config(model.weights)
    hidden = model.weights.decoder.nade.hidden
    assert apply_hparams(config, model.weights, f"nade_num_hidden={hidden}").id == config.id
    with pytest.raises(SizesMismatchError, match=f"nade_num_hidden {hidden + 1} \\(the checkpoint has {hidden}\\)"):
        apply_hparams(config, model.weights, f"nade_num_hidden={hidden + 1}")
