"""Jamming with every family that continues a sequence, through the loopback keyboard: Polyphony and Performance RNN
from their tabs, Improv RNN over the chord lane (and told so when the loop has no chords), MusicVAE refused."""

from __future__ import annotations

import pytest

from composer_app.gui.midi.jam import CALL
from composer_app.music.song import ChordSymbol
from tests.conftest import shared_path
from tests.gui.generation.families_helpers import ship, ship_from
from tests.gui.midi.jam_helpers import BAR, play_call, play_round

RNN2 = ("fixtures", "magenta-rnn2")


def _answer_one_call(qtbot, window, session, devices):
    """Start the jam, play a call over one time round and wait for the answer; returns the Jam track's index."""
    player = window.audio.player
    session.action_jam.trigger()
    assert session.jam.active, window.statusBar().currentMessage()
    play_call(qtbot, devices, "Keys")
    play_round(player, 2 * BAR)
    player.move_to(2 * BAR - 10)
    qtbot.waitUntil(lambda: bool(session.jam.turns), timeout=20_000)
    return next(i for i, t in enumerate(window.document.song.tracks) if t.name == "Jam")


@pytest.mark.parametrize("config_id", ["polyphony", "performance_with_dynamics"])
def test_a_shipped_bundle_jams_without_opening_anything(qtbot, jam_window, tmp_path, monkeypatch, config_id):
    """With the app's own bundle of the family installed, its tab in front answers the call straight away: the
    shipped bundle is read when the jam starts."""
    window, session, devices = jam_window
    shipped = ship(tmp_path, config_id, shared_path(*RNN2, f"{config_id}.mag"))
    ship_from(monkeypatch, tmp_path)
    generation = window.generation
    panel = generation.polyphony if config_id == "polyphony" else generation.performance
    panel.parentWidget().parentWidget().setCurrentWidget(panel)
    jam_index = _answer_one_call(qtbot, window, session, devices)
    assert panel.bundle is not None and panel.bundle.path == shipped
    assert session.jam.turns[0].result.outputs and window.document.song.tracks[jam_index].notes
    session.action_jam.trigger()


@pytest.mark.parametrize("bundle", ["polyphony.mag", "performance_with_dynamics.mag"])
def test_a_polyphony_or_performance_tab_in_front_answers_the_call(qtbot, jam_window, bundle):
    """With a Polyphony or Performance bundle opened in its tab, the jam's answer comes from that model, on a
    melody Jam track inside the loop, and joins the results with Keep placing it where it played."""
    window, session, devices = jam_window
    generation = window.generation
    assert generation.open_bundle(str(shared_path(*RNN2, bundle)))
    family = generation.shown_panel().family
    sets = []
    generation.controller.result_set_added.connect(sets.append)
    jam_index = _answer_one_call(qtbot, window, session, devices)
    track = window.document.song.tracks[jam_index]
    (turn,) = session.jam.turns
    assert not track.is_drum and track.notes and all(n.start >= 0 and n.end <= 2 * BAR for n in track.notes)
    assert turn.result.outputs and set(track.notes) == set(turn.notes)
    (result_set,) = sets
    assert result_set.settings["family"]["family"] == family
    assert set(result_set.candidates[0].new_notes) == set(track.notes)
    session.action_jam.trigger()
    doc = window.document
    doc.edit_track(jam_index, track.with_notes(()), "clear the Jam track")
    generation.controller.keep(result_set.candidates[0])  # kept afterwards: back where it played
    assert set(doc.song.tracks[jam_index].notes) == set(turn.notes)


def test_the_performance_controls_are_read_at_each_answer(qtbot, jam_window, monkeypatch):
    """The Performance tab's temperature and note density changed while jamming reach the next answer."""
    import composer_app.models.rnn.jam as core

    window, session, devices = jam_window
    generation = window.generation
    assert generation.open_bundle(str(shared_path(*RNN2, "multiconditioned_performance_with_dynamics.mag")))
    asked, real = [], core.answer
    monkeypatch.setattr(core, "answer", lambda *args, **kwargs: asked.append(kwargs) or real(*args, **kwargs))
    generation.performance.density.setValue(3)
    session.action_jam.trigger()
    generation.performance.temperature.setValue(0.7)
    generation.performance.density.setValue(12)
    play_call(qtbot, devices, "Keys")
    play_round(window.audio.player, 2 * BAR)
    window.audio.player.move_to(2 * BAR - 10)
    qtbot.waitUntil(lambda: bool(session.jam.turns), timeout=20_000)
    assert asked[0]["temperature"] == 0.7 and asked[0]["controls"]["notes_per_second"] == 12.0
    assert session.jam.turns[0].temperature == 0.7
    session.action_jam.trigger()


def test_improv_jams_over_the_chord_lane_and_asks_for_chords_without_them(qtbot, jam_window):
    """An Improv RNN with no chord in the loop is refused with a line pointing at the chord lane; with chords typed
    it answers, and the loop's chords are the ones its request played over."""
    window, session, devices = jam_window
    panel = window.generation.panel
    assert panel.use_bundle(str(shared_path(*RNN2, "chord_pitches_improv.mag")))
    session.action_jam.trigger()
    assert not session.jam.active and "chord lane" in window.statusBar().currentMessage()
    doc = window.document
    doc.edit_song(doc.song.replace(chords=(ChordSymbol(0, "Dm7"), ChordSymbol(BAR, "G7"))), "chords")
    _answer_one_call(qtbot, window, session, devices)
    (turn,) = session.jam.turns
    assert turn.result.request.chords == ("Dm7",) * 16 + ("G7",) * 16 + ("Dm7",) * 16 + ("G7",) * 16
    assert session.jam.turn == CALL
    session.action_jam.trigger()


def test_musicvae_in_front_says_which_models_jam(jam_window):
    """With the MusicVAE tab in front the jam does not start, and the status names the models that can jam."""
    window, session, _devices = jam_window
    tabs = window.generation.vae_panel.parentWidget().parentWidget()
    tabs.setCurrentWidget(window.generation.vae_panel)
    session.action_jam.trigger()
    text = window.statusBar().currentMessage()
    assert not session.jam.active and "MusicVAE" in text and "Improv" in text and "Polyphony" in text


def test_a_family_tab_without_a_bundle_says_to_open_one(jam_window, tmp_path, monkeypatch):
    """The Polyphony tab in front with no bundle (none shipped, none opened): the jam explains where to get one
    instead of starting."""
    window, session, _devices = jam_window
    ship_from(monkeypatch, tmp_path)
    tabs = window.generation.polyphony.parentWidget().parentWidget()
    tabs.setCurrentWidget(window.generation.polyphony)
    session.action_jam.trigger()
    assert not session.jam.active and "polyphony_rnn.mag" in window.statusBar().currentMessage()
