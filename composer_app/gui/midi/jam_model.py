"""The model a jam plays: the one in the Generate dock's tab in front (RNN, Polyphony or Performance), with that
panel's temperature, steering and controls, read again before every answer so that a change is heard."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from composer_app.errors import ComposerError
from composer_app.gui.shell.i18n import tr


class CannotJam(ComposerError):
    """The panel in front has no model that can answer a call; the message says what to choose."""


@dataclass(frozen=True)
class JamModel:
    """What models.rnn.jam.answer needs of the panel, and the panel's settings to keep with each answer."""

    config_id: str
    bundle: object = None  # a .mag path or a loaded Bundle; None: the model's shipped bundle
    temperature: float = 1.0
    steering: object = None  # a PitchSteering, or None
    controls: dict = field(default_factory=dict)  # Performance RNN's conditioning
    history: dict = field(default_factory=dict, repr=False)  # the panel's settings, as the result history keeps them
    panel: object = field(default=None, repr=False, compare=False)

    def answer_args(self) -> dict:
        return dict(config_id=self.config_id, bundle=self.bundle, temperature=self.temperature,
                    steering=self.steering, controls=self.controls)


def shown_model(generation) -> JamModel:
    """The model of the panel in front in the Generate dock; CannotJam says what to choose instead."""
    return model_of(generation.shown_panel() if generation is not None else None)


def model_of(panel) -> JamModel:
    """The jam's model read off `panel` now; CannotJam where the panel has none that continues a call."""
    from composer_app.gui.generation.families.family_panel import FamilyPanel
    from composer_app.gui.generation.model_panel import ModelPanel
    from composer_app.models.rnn.jam import can_jam

    if isinstance(panel, ModelPanel):
        s = panel.settings()
        if can_jam(s.config_id):
            return JamModel(s.config_id, s.bundle_path, s.temperature, s.steering(),
                            history={"settings": dataclasses.asdict(s)}, panel=panel)
    elif isinstance(panel, FamilyPanel):
        bundle = panel.ensure_bundle()  # the shipped one is read on first use; a damaged one raises BundleError
        if bundle is None:
            raise CannotJam(panel.no_bundle_text())
        s = panel.settings()
        return JamModel(bundle.config.id, bundle, s["temperature"], controls=s,
                        history={"family": s}, panel=panel)
    raise CannotJam(tr("Jam works with Melody, Drums, Improv, Polyphony and Performance RNN, not MusicVAE: bring "
                       "one of their tabs to the front in the Generate panel."))
