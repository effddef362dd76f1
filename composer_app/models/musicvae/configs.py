"""MusicVAE configs by Magenta's names, with their converter, length and sizes; which one a checkpoint is."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from composer_app.models.errors import BundleError, ModelError
from composer_app.models.musicvae.checkpoint import SplitDecoderWeights, VaeWeights
from composer_app.models.musicvae.converters import (
    FULL_DRUM_PITCH_CLASSES,
    Converter,
    DrumsConverter,
    MelodyConverter,
)
from composer_app.models.musicvae.groove import GROOVE_VARIANTS, GrooveConverter, GrooveOptions
from composer_app.models.musicvae.hparams import (
    SizesMismatchError,
    VaeHParamsError,
    parse_vae_hparams,
    sizes_mismatch,
)
from composer_app.models.musicvae.trio import TrioConverter
from composer_app.music.encodings.drums import DEFAULT_DRUM_TYPE_PITCHES
from composer_app.said import said


@dataclass(frozen=True)
class VaeConfig:
    """One of Magenta's MusicVAE configs (configs.CONFIG_MAP) this app runs."""

    id: str
    kind: str  # "melody", "drums" (categorical), "nade" (drums with a NADE decoder), "groove" or "trio"
    slice_bars: int
    hierarchical: bool
    z_size: int
    enc_rnn_size: tuple[int, ...]
    dec_rnn_size: tuple[int, ...]
    groove: GrooveOptions = field(default_factory=GrooveOptions)
    full_drum_map: bool = False  # data.FULL_DRUM_PITCH_CLASSES (61 classes) instead of the reduced 9
    nade_hidden: int = 0
    seq_len: int | None = None  # --hparams max_seq_len; else the converter's window

    @property
    def max_seq_len(self) -> int:
        """The steps a sample or interpolation decodes, as Magenta's music_vae_generate uses hparams.max_seq_len."""
        return self.seq_len or self.slice_bars * 16

    def converter(self) -> Converter | GrooveConverter | TrioConverter:
        if self.kind == "groove":
            return GrooveConverter(self.slice_bars, self.groove)
        if self.kind == "trio":
            return TrioConverter(self.slice_bars)
        if self.kind == "melody":
            return MelodyConverter(self.slice_bars)
        pitch_classes = FULL_DRUM_PITCH_CLASSES if self.full_drum_map else DEFAULT_DRUM_TYPE_PITCHES
        return DrumsConverter(self.slice_bars, pitch_classes, roll_output=self.kind == "nade")

    def structure(self) -> tuple[int, int, bool, int, bool]:
        """What the tensors can tell apart: the encoder's input depth (controls included), the output depth, a
        NADE or not, the control depth and a conductor or not. The window length is not among them."""
        conv = self.converter()
        controls = getattr(conv, "control_depth", 0)
        return conv.input_depth + controls, conv.output_depth, self.kind == "nade", controls, self.hierarchical


def weights_structure(weights: VaeWeights) -> tuple[int, int, bool, int, bool]:
    """VaeConfig.structure() as a checkpoint's tensors give it."""
    decoder = weights.decoder
    return (weights.encoder.input_depth, decoder.output_depth, decoder.nade is not None, decoder.control_depth,
            weights.conductor is not None)


_GROOVE = (256, (512,), (256, 256))
_NADE = (256, (1024,), (512, 512))
CONFIGS = (
    VaeConfig("cat-mel_2bar_small", "melody", 2, False, 256, (512,), (256, 256)),
    VaeConfig("cat-mel_2bar_big", "melody", 2, False, 512, (2048,), (2048, 2048, 2048)),
    VaeConfig("hierdec-mel_16bar", "melody", 16, True, 512, (2048, 2048), (1024, 1024)),
    VaeConfig("cat-drums_2bar_small", "drums", 2, False, 256, (512,), (256, 256)),
    VaeConfig("cat-drums_2bar_big", "drums", 2, False, 512, (2048,), (2048, 2048, 2048)),
    VaeConfig("flat-trio_16bar", "trio", 16, False, 512, (2048, 2048), (2048, 2048, 2048)),
    VaeConfig("hierdec-trio_16bar", "trio", 16, True, 512, (2048, 2048), (1024, 1024)),
    VaeConfig("nade-drums_2bar_reduced", "nade", 2, False, *_NADE, nade_hidden=128),
    VaeConfig("nade-drums_2bar_full", "nade", 2, False, *_NADE, full_drum_map=True, nade_hidden=128),
    # The first GrooVAE is what a groove checkpoint is taken for when no config is named (see detect_config).
    *(VaeConfig(f"groovae_2bar_{variant}", "groove", 2, False, *_GROOVE, GROOVE_VARIANTS[variant])
      for variant in ("humanize", "tap_fixed_velocity", "add_closed_hh")),
    VaeConfig("groovae_4bar", "groove", 4, False, *_GROOVE),
    VaeConfig("groovae_2bar_hits_control_tfds", "groove", 2, False, *_GROOVE, GROOVE_VARIANTS["hits_control"]),
)
# Other names a config is known by: Magenta's id carries the training data set's name (tfds), which says nothing
# about the model.
ALIASES = {"groovae_2bar_hits_control": "groovae_2bar_hits_control_tfds"}
CONFIG_IDS = tuple(c.id for c in CONFIGS) + tuple(ALIASES)


class ConfigMismatchError(ModelError):
    """A checkpoint is not of the config the user named."""

    hint = said("Leave out --config to use the checkpoint's own, or give the checkpoint of that config.")


def get_config(config_id: str) -> VaeConfig:
    """The config of a Magenta id (or an alias of one)."""
    config_id = ALIASES.get(config_id, config_id)
    for config in CONFIGS:
        if config.id == config_id:
            return config
    raise ModelError(said("unknown MusicVAE config {config!r}; known: {known}").format(
        config=config_id, known=", ".join(CONFIG_IDS)))


def _sizes(weights: VaeWeights) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    return (weights.z_size, tuple(fw.units for fw, _ in weights.encoder.layers),
            tuple(c.units for c in weights.decoder.cells))


TRIO = TrioConverter()


def _check_split(weights: VaeWeights) -> None:
    """Magenta splits a core decoder only in hierdec-trio, into melody, bass and drums in that order; a conductor
    over one trio-deep core decoder is no config of Magenta's either."""
    depth, hierarchical = weights.decoder.output_depth, weights.conductor is not None
    if isinstance(weights.decoder, SplitDecoderWeights):
        if weights.decoder.output_depths != TRIO.output_depths:
            raise BundleError(weights.source, said("split core decoders of depths {depths} fit no MusicVAE config "
                                                   "this app runs (hierdec-trio_16bar splits {trio_depths})").format(
                depths=str(list(weights.decoder.output_depths)), trio_depths=str(list(TRIO.output_depths))))
    elif hierarchical and depth == TRIO.output_depth:
        raise BundleError(weights.source, said("a hierarchical trio MusicVAE with one core decoder is not among the "
                                               "configs this app runs (hierdec-trio_16bar has one core decoder each "
                                               "for melody, bass and drums)"))


def detect_config(weights: VaeWeights, wanted: str | None = None) -> VaeConfig:
    """The config of a checkpoint, from its tensors' sizes; a `wanted` config it cannot be raises, naming both.

    The depths give the converter: melody 90 in and out, categorical drums 10 in and 512 out, NADE drums 10 in and
    9 out (reduced map) or 62 and 61 (full map) with a NADE under the decoder, GrooVAE 27 and 27, or 36 in with 9
    controls into the decoder (hits control), trio 692 and 692 (melody 90 + bass 90 + drums 512); a conductor
    gives hierdec (whose trio decoder is split in melody, bass and drums core decoders). Small and big differ only
    in layer sizes: the exact sizes pick one, else the first (a retrained net with its own sizes), and a `wanted`
    config of the same structure is taken as asked. The tensors cannot tell the 2-bar GrooVAEs from each other nor from
    groovae_4bar (same weights, another window length and input flattening), so a groove checkpoint is
    groovae_2bar_humanize unless `wanted` names another.
    """
    _check_split(weights)
    found_structure = weights_structure(weights)
    candidates = [c for c in CONFIGS if c.structure() == found_structure]
    if not candidates:
        depths, controls = found_structure[:2], found_structure[3]
        what = said("input depth {input_depth} and output depth {output_depth}").format(
            input_depth=depths[0], output_depth=depths[1])
        if found_structure[2]:
            what = said("{what} with a NADE").format(what=what)
        if controls:
            what = said("{what} and {count} controls").format(what=what, count=controls)
        if found_structure[4]:
            what = said("{what} in a hierarchical decoder").format(what=what)
        raise BundleError(weights.source, said("{what} fit no MusicVAE config this app runs ({known})").format(
            what=what, known=", ".join(c.id for c in CONFIGS)))
    exact = [c for c in candidates if (c.z_size, c.enc_rnn_size, c.dec_rnn_size) == _sizes(weights)]
    found = (exact or candidates)[0]
    if wanted is None:
        return found
    asked = get_config(wanted)
    if asked.structure() != found_structure:
        raise ConfigMismatchError(said("{source} is a {found} checkpoint, not {wanted}").format(
            source=str(weights.source), found=found.id, wanted=asked.id))
    return asked


def apply_hparams(config: VaeConfig, weights: VaeWeights, text: str | None) -> VaeConfig:
    """The config with `--hparams` applied: the sizes it names must be the checkpoint's, max_seq_len sets the
    length of samples and interpolations; the training-only hparams change nothing here."""
    given = parse_vae_hparams(text)
    if not given:
        return config
    z_size, enc, dec = _sizes(weights)
    actual = {"z_size": z_size, "enc_rnn_size": enc, "dec_rnn_size": dec}
    if weights.decoder.nade is not None:
        actual["nade_num_hidden"] = weights.decoder.nade.hidden
    problem = sizes_mismatch(given, actual)
    if problem:
        raise SizesMismatchError(said("{source} does not have the sizes --hparams gives: {problem}").format(
            source=str(weights.source), problem=problem))
    length = given.get("max_seq_len")
    if length and config.hierarchical and length > config.slice_bars * 16:
        raise VaeHParamsError(said("hparam max_seq_len={length} is longer than {config}'s {bars} bars ({steps} steps), "
                                   "all its conductor can decode").format(
            length=length, config=config.id, bars=config.slice_bars, steps=config.slice_bars * 16))
    return dataclasses.replace(config, z_size=z_size, enc_rnn_size=enc, dec_rnn_size=dec,
                               seq_len=length or config.seq_len)
