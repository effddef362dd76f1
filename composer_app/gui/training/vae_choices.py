"""What the Training panel offers for MusicVAE: the configs the trainer builds, their sizes, and how long a run takes.

The seconds a step takes were measured with `composer-app train` (one TensorFlow thread) on this project's 2-core
machine: Magenta's own sizes take seconds to minutes a step, which is why a class starts with the small size.
"""

from __future__ import annotations

from functools import cache

from composer_app.gui.shell.i18n import QT_TR_NOOP, tr

VAE_SUFFIX, BUNDLE_SUFFIX = ".tar", ".mag"
VAE_DEFAULT_STEPS = 2000  # about a quarter of an hour at the small size of a 2-bar model
LABELS = {"cat-mel_2bar_small": QT_TR_NOOP("MusicVAE 2-bar melody"),
          "cat-drums_2bar_small": QT_TR_NOOP("MusicVAE 2-bar drums"),
          "groovae_2bar_humanize": QT_TR_NOOP("GrooVAE: humanize 2-bar drums"),
          "groovae_2bar_tap_fixed_velocity": QT_TR_NOOP("GrooVAE: drumify a tapped rhythm (2 bars)"),
          "groovae_2bar_add_closed_hh": QT_TR_NOOP("GrooVAE: add a hi-hat (2 bars)"),
          "hierdec-mel_16bar": QT_TR_NOOP("MusicVAE 16-bar melody (hierarchical)")}
SMALL, MAGENTA, TINY = 0, 1, 2
VAE_CONTINUE_BATCH = 64  # continuing a checkpoint: its own sizes, the small size's batch
VAE_CONTINUE_HPARAMS = f"batch_size={VAE_CONTINUE_BATCH}"
# (label, --hparams) in the list's order; Magenta's size is the config's own (no overrides), named from its hparams.
SIZES = (
    (QT_TR_NOOP("Small (fast): z 64, LSTMs of 128, batches of 64"),
     "batch_size=64,z_size=64,enc_rnn_size=[128],dec_rnn_size=[128,128]"),
    (QT_TR_NOOP("As Magenta's: z {0}, encoder LSTM {1}, decoder LSTM {2}, batches of {3}"), ""),
    (QT_TR_NOOP("Tiny: a try-out in seconds (z 4, LSTMs of 8)"),
     "batch_size=4,z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8]"),
)
# Free bits kept in proportion to z at the smaller sizes, where the config's own would leave the KL unpulled:
# hierdec's 256 are meant for z 512, and a z 64 run measured here settled at 74 bits, far under them, so nothing
# drew its posterior toward the prior and its samples were poor; 32 at z 64 keeps Magenta's ratio.
FREE_BITS_PER_Z = {"hierdec-mel_16bar": 256 / 512}
# Seconds a step takes (small, Magenta's, tiny), measured; None where a step of that size does not fit a laptop
# (hierdec at Magenta's size: 176M parameters, about 7 GB and minutes a step).
_TWO_BAR = (0.4, 10.0, 0.05)
STEP_SECONDS = {"cat-mel_2bar_small": _TWO_BAR, "cat-drums_2bar_small": _TWO_BAR,
                **{f"groovae_2bar_{v}": (0.4, 8.1, 0.05) for v in ("humanize", "tap_fixed_velocity", "add_closed_hh")},
                "hierdec-mel_16bar": (1.5, None, 0.25)}
START_SECONDS = 45  # importing TensorFlow and building the step, before the first step ends (measured 35-45 s)


@cache
def vae_config_ids() -> tuple[str, ...]:
    """The MusicVAE configs `composer-app train` builds (its VAE_CONFIGS), from the trainer's own table, read when
    first asked so that the app's start does not load the trainer."""
    from composer_app.models.training.vae.spec import TRAINABLE

    return tuple(TRAINABLE)


def is_vae(config_id: str | None) -> bool:
    return bool(config_id) and config_id in vae_config_ids()


def vae_label(config_id: str) -> str:
    """The config's name in the model list, in the current language."""
    if config_id in LABELS:
        return tr(LABELS[config_id])
    return tr("MusicVAE ({0})").format(config_id)


def layers(sizes) -> str:
    """LSTM sizes as the size list shows them: 256×256."""
    return "×".join(str(n) for n in sizes)


def size_labels(config_id: str) -> list[str]:
    """The size list's lines for this config, Magenta's naming the config's own sizes."""
    from composer_app.models.training.vae.spec import TRAINABLE

    hp = TRAINABLE[config_id]
    magenta = tr(SIZES[MAGENTA][0]).format(hp["z_size"], layers(hp["enc_rnn_size"]), layers(hp["dec_rnn_size"]),
                                           hp["batch_size"])
    return [magenta if i == MAGENTA else tr(text) for i, (text, _h) in enumerate(SIZES)]


def sizes(config_id: str | None) -> tuple[tuple[str, str], ...]:
    """SIZES with each smaller size's --hparams for this config (its free bits kept in proportion to z)."""
    ratio = FREE_BITS_PER_Z.get(config_id or "")
    if ratio is None:
        return SIZES
    from composer_app.models.musicvae.hparams import parse_vae_hparams

    return tuple((label, f"{hp},free_bits={ratio * parse_vae_hparams(hp)['z_size']:g}" if hp else hp)
                 for label, hp in SIZES)


def step_seconds(config_id: str, size: int) -> float | None:
    """The measured seconds of one step at this size, None where it was too big to measure here."""
    return STEP_SECONDS.get(config_id, _TWO_BAR)[size]


def vae_note(config_id: str) -> str:
    """What the config learns from, and what the run writes."""
    from composer_app.models.musicvae.configs import get_config
    from composer_app.models.training.vae.spec import VALID_PROGRAMS

    config = get_config(config_id)
    if config.kind == "melody" and config_id in VALID_PROGRAMS:
        what = tr("MusicVAE learns %n-bar melodies from 4/4 music (from the parts of programs 0 to 31, piano to "
                  "guitar).", "", config.slice_bars)
    elif config.kind == "melody":
        what = tr("MusicVAE learns %n-bar melodies from 4/4 music (from every part of each file that is long "
                  "enough).", "", config.slice_bars)
    elif config.kind == "groove":
        what = tr("GrooVAE learns how drummers play (timing and dynamics) from 2-bar windows of performed drum "
                  "parts, such as the Groove MIDI Dataset's: give it drum recordings, not quantized patterns.")
    elif config.kind in ("drums", "nade"):
        what = tr("MusicVAE learns %n-bar drum patterns from the drum parts of 4/4 music.", "", config.slice_bars)
    else:
        what = tr("MusicVAE learns from 4/4 music.")
    return what + " " + tr("It writes a checkpoint (.tar) for the MusicVAE tab of the Generate panel.")
