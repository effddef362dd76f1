"""Fixtures of the MIDI tests: a window set up to jam through the loopback keyboard."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from composer_app.audio.midi.loopback import LoopbackDevices
from composer_app.gui.generation.session import attach_generation
from composer_app.gui.midi.session import attach_midi
from tests.gui.midi.jam_helpers import BAR, FakePlayer


@pytest.fixture
def jam_window(window):
    """The window with the Generate dock, a hand-moved transport, the loopback "Keys" input and a 2-bar loop."""
    window.generation = attach_generation(window)
    window.audio = SimpleNamespace(player=FakePlayer())
    devices = LoopbackDevices(inputs=["Keys"])
    session = attach_midi(window, devices)
    session.use_input("Keys")
    window.editor.state.set_loop(0, 2 * BAR, True)
    yield window, session, devices
    session.close()
    assert window.generation.shutdown()
