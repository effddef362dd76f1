"""The Training form offers every family with a trainer, and Improv RNN's chord option only where it applies."""

from __future__ import annotations

from pathlib import Path

from composer_app.gui.training.form import TrainingForm
from composer_app.models.rnn.configs import all_configs


def test_the_form_offers_the_improv_models_with_their_chord_option(qtbot):
    """Improv configs are listed; choosing one shows the lead-sheet note and passes --infer-chords when ticked."""
    form = TrainingForm()
    qtbot.addWidget(form)
    form.show()
    offered = [form.model.itemData(i) for i in range(form.model.count())]
    assert {c.id for c in all_configs() if c.family == "improv"} <= set(offered)
    assert not form.infer_chords.isVisible()
    form.model.setCurrentIndex(form.model.findData("chord_pitches_improv"))
    form.model.activated.emit(form.model.currentIndex())
    assert form.infer_chords.isVisible() and form.lead_sheet_note.isVisible()
    form.infer_chords.setChecked(True)
    form.add_input("/music/leadsheets")
    form.output.setText("/tmp/improv.mag")
    choice = form.choice()
    assert choice.config_id == "chord_pitches_improv" and choice.infer_chords
    assert "--infer-chords" in choice.arguments(Path("/tmp/stop"))
    form.show_choice(choice)
    assert form.infer_chords.isChecked()


def test_the_chord_option_is_not_passed_for_other_models(qtbot):
    """A melody model never gets --infer-chords, even with the box ticked earlier."""
    form = TrainingForm()
    qtbot.addWidget(form)
    form.model.setCurrentIndex(form.model.findData("chord_pitches_improv"))
    form.infer_chords.setChecked(True)
    form.model.setCurrentIndex(form.model.findData("basic_rnn"))
    form.model.activated.emit(form.model.currentIndex())
    assert not form.choice().infer_chords
