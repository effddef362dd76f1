"""A jam round through the loopback keyboard: a phrase over the loop, the model's answer on the Jam track the next
time round, silence again for the player's turn, and the answer in the results."""

from __future__ import annotations

import mido
import pytest

from composer_app.gui.midi.jam import CALL, RESPONSE
from composer_app.gui.midi.session import VIRTUAL
from tests.gui.midi.jam_helpers import BAR, play_call
from tests.gui.midi.jam_helpers import play_round as _round


@pytest.mark.parametrize("port", ["Keys", VIRTUAL])
def test_the_model_answers_the_call_on_the_next_time_round(qtbot, jam_window, port):
    """Call, answer on the Jam track, then the player's turn with the track silent; the answer is in the results.
    The call comes from a keyboard, or from a DAW playing into the app's own port."""
    window, session, devices = jam_window
    player = window.audio.player
    assert session.use_input(port)
    strip_sets = []
    window.generation.controller.result_set_added.connect(strip_sets.append)
    session.action_jam.trigger()
    jam = session.jam
    assert jam.active and player.playing and jam.turn == CALL
    jam_index = next(i for i, t in enumerate(window.document.song.tracks) if t.name == "Jam")
    play_call(qtbot, devices, "Composer" if port == VIRTUAL else port)
    _round(player, 2 * BAR)
    player.move_to(2 * BAR - 10)  # within the lookahead: the answer is asked for now, and comes on its thread
    qtbot.waitUntil(lambda: bool(window.document.song.tracks[jam_index].notes), timeout=10_000)
    answer = window.document.song.tracks[jam_index].notes
    assert answer and all(0 <= n.start < 2 * BAR for n in answer) and len(strip_sets) == 1
    player.move_to(0)  # round again: the model's turn
    assert jam.turn == RESPONSE
    _round(player, 2 * BAR)
    player.move_to(2 * BAR - 10)  # before the player's turn the Jam track falls silent
    assert not window.document.song.tracks[jam_index].notes
    player.move_to(0)
    assert jam.turn == CALL
    session.action_jam.trigger()
    assert not jam.active and not player.playing and len(jam.turns) == 1


def test_a_silent_time_round_gets_no_answer(qtbot, jam_window):
    """Nothing played: no answer, and it stays the player's turn."""
    window, session, _devices = jam_window
    player = window.audio.player
    session.action_jam.trigger()
    _round(player, 2 * BAR)
    player.move_to(2 * BAR - 10)
    player.move_to(0)
    qtbot.wait(100)
    assert session.jam.turn == CALL and not session.jam.turns
    session.action_jam.trigger()


def test_jam_without_a_loop_or_sound_says_what_is_missing(jam_window):
    """A loop shorter than a beat, or no sound, is explained in the status bar and nothing starts."""
    window, session, _devices = jam_window
    window.editor.state.set_loop(0, 100, True)
    session.action_jam.trigger()
    assert not session.jam.active and "loop" in window.statusBar().currentMessage()
    window.audio.player.available = False
    window.editor.state.set_loop(0, BAR, True)
    session.action_jam.trigger()
    assert not session.jam.active and "sound" in window.statusBar().currentMessage()


def test_the_temperature_is_read_at_each_answer(qtbot, jam_window):
    """A temperature changed in the panel while jamming is the one the next answer uses."""
    window, session, devices = jam_window
    player = window.audio.player
    session.action_jam.trigger()
    window.generation.panel.temperature.setValue(0.5)
    devices.play("Keys", mido.Message("note_on", note=67, velocity=90))
    qtbot.wait(40)
    devices.play("Keys", mido.Message("note_off", note=67))
    _round(player, 2 * BAR)
    player.move_to(2 * BAR - 10)
    qtbot.waitUntil(lambda: bool(session.jam.turns), timeout=10_000)
    assert session.jam.turns[0].result.request.temperature == 0.5
    session.action_jam.trigger()


def test_a_continuous_jam_writes_the_next_bars_ahead_of_the_playhead(qtbot, jam_window):
    """Continuous: no turns and no loop; shortly before each 2-bar stretch ends the model writes the next one."""
    window, session, devices = jam_window
    player = window.audio.player
    session.jam.continuous = True
    session.action_jam.trigger()
    assert session.jam.active and not window.editor.state.loop_enabled
    jam_index = next(i for i, t in enumerate(window.document.song.tracks) if t.name == "Jam")
    devices.play("Keys", mido.Message("note_on", note=62, velocity=90))
    qtbot.wait(40)
    devices.play("Keys", mido.Message("note_off", note=62))
    for tick in range(0, 2 * BAR - 10, 120):
        player.move_to(tick)
    player.move_to(2 * BAR - 10)
    qtbot.waitUntil(lambda: len(session.jam.turns) == 1, timeout=10_000)
    first = window.document.song.tracks[jam_index].notes
    assert first and all(2 * BAR <= n.start < 4 * BAR for n in first)
    for tick in range(2 * BAR, 4 * BAR - 10, 120):  # the song plays on into what the model wrote
        player.move_to(tick)
    player.move_to(4 * BAR - 10)
    qtbot.waitUntil(lambda: len(session.jam.turns) == 2, timeout=10_000)
    notes = window.document.song.tracks[jam_index].notes
    assert set(first) <= set(notes) and any(4 * BAR <= n.start < 6 * BAR for n in notes)
    session.action_jam.trigger()
