"""MusicVAE configs by Magenta's names, with their converter, length and sizes; which one a checkpoint is."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from composer_app.models.errors import BundleError, ModelError
from composer_app.models.musicvae.checkpoint import VaeWeights
from composer_app.models.musicvae.converters import Converter, DrumsConverter, MelodyConverter
from composer_app.models.musicvae.groove import GROOVE_VARIANTS, GrooveConverter, GrooveOptions
from composer_app.models.musicvae.hparams import (
    SizesMismatchError,
    VaeHParamsError,
    parse_vae_hparams,
    sizes_mismatch,
)


@dataclass(frozen=True)
class VaeConfig:
    """One of Magenta's MusicVAE configs (configs.CONFIG_MAP) this app runs."""

    id: str
    kind: str  # "melody", "drums" or "groove"
    slice_bars: int
    hierarchical: bool
    z_size: int
    enc_rnn_size: tuple[int, ...]
    dec_rnn_size: tuple[int, ...]
    groove: GrooveOptions = field(default_factory=GrooveOptions)
    seq_len: int | None = None  # --hparams max_seq_len; else the converter's window

    @property
    def max_seq_len(self) -> int:
        """The steps a sample or interpolation decodes, as Magenta's music_vae_generate uses hparams.max_seq_len."""
        return self.seq_len or self.slice_bars * 16

    def converter(self) -> Converter | GrooveConverter:
        if self.kind == "groove":
            return GrooveConverter(self.slice_bars, self.groove)
        return (MelodyConverter if self.kind == "melody" else DrumsConverter)(self.slice_bars)

    def structure(self) -> tuple[str, bool, int]:
        """What the tensors can tell apart: the converter's kind, the decoder's hierarchy, the window length."""
        return self.kind, self.hierarchical, self.max_seq_len


CONFIGS = (
    VaeConfig("cat-mel_2bar_small", "melody", 2, False, 256, (512,), (256, 256)),
    VaeConfig("cat-mel_2bar_big", "melody", 2, False, 512, (2048,), (2048, 2048, 2048)),
    VaeConfig("hierdec-mel_16bar", "melody", 16, True, 512, (2048, 2048), (1024, 1024)),
    VaeConfig("cat-drums_2bar_small", "drums", 2, False, 256, (512,), (256, 256)),
    VaeConfig("cat-drums_2bar_big", "drums", 2, False, 512, (2048,), (2048, 2048, 2048)),
    *(VaeConfig(f"groovae_2bar_{variant}", "groove", 2, False, 256, (512,), (256, 256), options)
      for variant, options in GROOVE_VARIANTS.items()),
)
CONFIG_IDS = tuple(c.id for c in CONFIGS)


class ConfigMismatchError(ModelError):
    """A checkpoint is not of the config the user named."""

    hint = "Leave out --config to use the checkpoint's own, or give the checkpoint of that config."


def get_config(config_id: str) -> VaeConfig:
    for config in CONFIGS:
        if config.id == config_id:
            return config
    raise ModelError(f"unknown MusicVAE config {config_id!r}; known: {', '.join(CONFIG_IDS)}")


def _sizes(weights: VaeWeights) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    return (weights.z_size, tuple(fw.units for fw, _ in weights.encoder.layers),
            tuple(c.units for c in weights.decoder.cells))


def detect_config(weights: VaeWeights, wanted: str | None = None) -> VaeConfig:
    """The config of a checkpoint, from its tensors' sizes; a `wanted` config it cannot be raises, naming both.

    The input and output depths give the converter (melody 90/90, drums 10/512, groove 27/27), a conductor gives hierdec. Small
    and big differ only in layer sizes: the exact sizes pick one, else the small one (a retrained net with its own
    sizes), and a `wanted` config of the same structure is taken as asked. The GrooVAE configs differ only in
    how their converter flattens the encoder's input, so a groove checkpoint is groovae_2bar_humanize unless asked.
    """
    depths = (weights.encoder.input_depth, weights.decoder.output_depth)
    kinds = {(MelodyConverter.input_depth, MelodyConverter.output_depth): "melody",
             (DrumsConverter.input_depth, DrumsConverter.output_depth): "drums",
             (GrooveConverter.input_depth, GrooveConverter.output_depth): "groove"}
    kind = kinds.get(depths)
    if kind is None:
        raise BundleError(weights.source, f"input depth {depths[0]} and output depth {depths[1]} fit no MusicVAE "
                          f"config this app runs ({', '.join(CONFIG_IDS)})")
    hierarchical = weights.conductor is not None
    candidates = [c for c in CONFIGS if c.kind == kind and c.hierarchical == hierarchical]
    if not candidates:
        raise BundleError(weights.source, f"a {'hierarchical ' if hierarchical else ''}{kind} MusicVAE is not "
                          f"among the configs this app runs ({', '.join(CONFIG_IDS)})")
    exact = [c for c in candidates if (c.z_size, c.enc_rnn_size, c.dec_rnn_size) == _sizes(weights)]
    found = (exact or candidates)[0]
    if wanted is None:
        return found
    asked = get_config(wanted)
    if asked.structure() != found.structure():
        raise ConfigMismatchError(f"{weights.source} is a {found.id} checkpoint, not {asked.id}")
    return asked


def apply_hparams(config: VaeConfig, weights: VaeWeights, text: str | None) -> VaeConfig:
    """The config with `--hparams` applied: the sizes it names must be the checkpoint's, max_seq_len sets the
    length of samples and interpolations; the training-only hparams change nothing here."""
    given = parse_vae_hparams(text)
    if not given:
        return config
    z_size, enc, dec = _sizes(weights)
    problem = sizes_mismatch(given, {"z_size": z_size, "enc_rnn_size": enc, "dec_rnn_size": dec})
    if problem:
        raise SizesMismatchError(f"{weights.source} does not have the sizes --hparams gives: {problem}")
    length = given.get("max_seq_len")
    if length and config.hierarchical and length > config.slice_bars * 16:
        raise VaeHParamsError(f"hparam max_seq_len={length} is longer than {config.id}'s {config.slice_bars} bars "
                           f"({config.slice_bars * 16} steps), all its conductor can decode")
    return dataclasses.replace(config, z_size=z_size, enc_rnn_size=enc, dec_rnn_size=dec,
                               seq_len=length or config.seq_len)
