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


def test_the_form_offers_the_musicvae_configs_the_trainer_builds(qtbot):
    """Every config the MusicVAE trainer builds is listed by name; choosing one gives MusicVAE's sizes (the small
    one first), its usual length, a .tar, a note on what it learns and how long a step takes, and no chord option."""
    from composer_app.models.training.vae.spec import TRAINABLE

    form = TrainingForm()
    qtbot.addWidget(form)
    form.show()
    labels = {form.model.itemData(i): form.model.itemText(i) for i in range(form.model.count())}
    assert set(TRAINABLE) <= set(labels)
    assert labels["cat-mel_2bar_small"] == "MusicVAE 2-bar melody"
    assert labels["cat-drums_2bar_small"] == "MusicVAE 2-bar drums"
    assert labels["groovae_2bar_tap_fixed_velocity"].startswith("GrooVAE: drumify")
    form.output.setText("/tmp/class.mag")
    assert not form.step_hint.isVisible() and not form.vae_note.isVisible()
    form.model.setCurrentIndex(form.model.findData("cat-drums_2bar_small"))
    assert form.is_vae() and form.output.text() == "/tmp/class.tar" and form.steps.value() == 2000
    assert form.size.currentText().startswith("Small (fast)") and form.size.count() == 3
    assert form.vae_note.isVisible() and "drum" in form.vae_note.text() and not form.infer_chords.isVisible()
    hint = form.step_hint.text()
    assert form.step_hint.isVisible() and "0.4 s" in hint and "10 s" in hint and "2,000 steps" in hint
    form.size.setCurrentIndex(1)
    assert form.size.currentText() == "As Magenta's: z 256, encoder LSTM 512, decoder LSTM 256×256, batches of 512"
    assert "about 5 h 33 min" in form.step_hint.text()  # 2,000 steps of 10 s
    form.by_minutes.setChecked(True)
    assert "30 min give about 180 steps" in form.step_hint.text()
    form.by_steps.setChecked(True)
    form.model.setCurrentIndex(form.model.findData("hierdec-mel_16bar"))
    assert form.size.currentIndex() == 1 and "2048×2048" in form.size.currentText()
    assert "7 GB" in form.step_hint.text() and "every part" in form.vae_note.text()
    form.model.setCurrentIndex(form.model.findData("groovae_2bar_humanize"))
    assert "8.1 s" in form.step_hint.text() and "timing and dynamics" in form.vae_note.text()
    form.model.setCurrentIndex(form.model.findData("cat-drums_2bar_small"))
    form.add_input("/music/class")
    choice = form.choice()
    assert choice.config_id == "cat-drums_2bar_small" and choice.hparams == "" and choice.output.endswith(".tar")
    args = choice.arguments(Path("/tmp/stop"))
    assert "--progress-json" in args and "--infer-chords" not in args and "--init-from" not in args
    form.size.setCurrentIndex(0)
    small = form.choice()
    assert "z_size=64" in small.hparams
    form.model.setCurrentIndex(form.model.findData("basic_rnn"))
    assert not form.is_vae() and form.output.text() == "/tmp/class.mag" and form.steps.value() == 1000
    assert form.size.count() == 3 and "rnn_layer_sizes" in form.choice().hparams and not form.step_hint.isVisible()
    form.show_choice(small)
    assert form.is_vae() and form.choice() == small


def test_a_musicvae_run_needs_a_tar(qtbot):
    """A MusicVAE run saved under another name is explained, not started."""
    from composer_app.gui.training.texts import choice_problem

    form = TrainingForm()
    qtbot.addWidget(form)
    form.model.setCurrentIndex(form.model.findData("cat-mel_2bar_small"))
    form.add_input("/music/class")
    form.output.setText("/tmp/tunes.mag.bak")
    assert ".tar" in choice_problem(form.choice())
    form.output.setText("/tmp/tunes.tar")
    assert choice_problem(form.choice()) == ""


def test_continuing_a_musicvae_checkpoint_keeps_its_sizes_and_model(qtbot, tmp_path):
    """A MusicVAE .tar (Magenta's or the app's) continues as its config: a .tar out beside it, its own sizes (the
    size list off, no step-time hint), the small batch, --init-from; a file that is no such model is explained."""
    import shutil

    from composer_app.gui.training.texts import choice_problem
    from tests.conftest import shared_path

    source = tmp_path / "groove.tar"
    shutil.copyfile(shared_path("fixtures", "magenta-vae", "groovae_humanize_tiny.tar"), source)
    form = TrainingForm()
    qtbot.addWidget(form)
    form.show()
    form.set_bundle(str(source))
    assert form.is_vae() and form.output.text() == str(tmp_path / "groove_more.tar")
    assert not form.size.isEnabled() and not form.step_hint.isVisible() and "timing" in form.vae_note.text()
    assert form.bundle_label.text() == "Continues from groove.tar"
    assert form.size.count() == 1 and form.size.currentText().startswith("The checkpoint's own: z ")
    assert form.size.currentText().endswith("; batches of 64")
    form.add_input("/music/class")
    choice = form.choice()
    assert (choice.config_id, choice.hparams, choice.init_from) == ("groovae_2bar_humanize", "batch_size=64",
                                                                     str(source))
    assert choice_problem(choice) == "" and "--init-from" in choice.arguments(Path("/tmp/stop"))
    form.model.setCurrentIndex(form.model.findData("basic_rnn"))
    form.show_choice(choice)
    assert form.is_vae() and form.choice() == choice
    junk = tmp_path / "notes.tar"
    junk.write_bytes(b"not a checkpoint")
    form.output.clear()
    form.set_bundle(str(junk))
    assert form.choice().config_id == "" and "not a bundle or MusicVAE checkpoint" in choice_problem(form.choice())


def test_continuing_a_shipped_model_saves_into_the_users_documents(qtbot):
    """The shipped drum model lives in the app's resources: its continuation is offered a name among the user's
    documents, never inside the app."""
    from composer_app import RESOURCE_DIR
    from composer_app.models.musicvae.shipped import shipped_vaes

    shipped = next(s for s in shipped_vaes() if s.config_id == "cat-drums_2bar_small")
    form = TrainingForm()
    qtbot.addWidget(form)
    form.set_bundle(str(shipped.path))
    output = Path(form.output.text())
    assert output.name == "cat-drums_2bar_small_more.tar" and not output.resolve().is_relative_to(RESOURCE_DIR)
    assert form.choice().config_id == "cat-drums_2bar_small"


def test_windows_are_offered_to_event_rnns_and_passed_as_window(qtbot):
    """Ticking "Learn from windows" passes --window N and comes back from a saved choice; MusicVAE hides it."""
    form = TrainingForm()
    qtbot.addWidget(form)
    form.show()
    form.model.setCurrentIndex(form.model.findData("polyphony"))
    form.output.setText("/tmp/chorales.mag")
    assert form.window.isVisible() and form.choice().window == 0
    assert "--window" not in form.choice().arguments(Path("/tmp/stop"))
    form.window.enabled.setChecked(True)
    form.window.length.setValue(300)
    choice = form.choice()
    args = choice.arguments(Path("/tmp/stop"))
    assert choice.window == 300 and args[args.index("--window") + 1] == "300"
    again = TrainingForm()
    qtbot.addWidget(again)
    again.show_choice(choice)
    assert again.choice().window == 300
    form.model.setCurrentIndex(form.model.findData("cat-mel_2bar_small"))
    assert not form.window.isVisible() and form.choice().window == 0
