"""Playing a song to a MIDI port: channels and programs, notes on time, the loop, and silence on stop."""

from __future__ import annotations

from composer_app.audio.midi.playback import ALL_NOTES_OFF, MidiPlayback, midi_channels
from composer_app.audio.schedule import TrackMix
from composer_app.music.song import PPQ, Note, Song, Track, drum_track


class FakeClock:
    """Time that passes only when the player waits, so every message's time is exact."""

    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += seconds


class Port:
    def __init__(self, clock):
        self.clock, self.sent = clock, []

    def send(self, message) -> None:
        self.sent.append((round(self.clock() - 100.0, 6), message))


def _song() -> Song:
    piano = Track("Piano", program=5, notes=(Note(0, 60, PPQ, 90), Note(PPQ, 64, PPQ, 80)))
    beat = drum_track(notes=(Note(0, 36, PPQ // 2, 100),))
    return Song(tracks=(piano, beat))


def _played(song: Song, **kw) -> list:
    clock = FakeClock()
    port = Port(clock)
    player = MidiPlayback(port, clock=clock, wait=clock.wait)
    player._run(song, kw.pop("start_tick", 0), kw.pop("mixes", []), kw.pop("loop", None))
    return port.sent


def test_tracks_get_channels_with_drums_on_ten():
    """Melodic tracks take channels 1-9 and 11-16 in turn; every drum track plays on channel 10."""
    tracks = tuple(Track(f"t{i}") for i in range(16)) + (drum_track(),)
    channels = midi_channels(tracks)
    assert channels[:10] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 10] and channels[15] == 0 and channels[16] == 9


def test_programs_come_first_and_notes_play_on_time():
    """Program and volume before the first note; at 120 qpm a quarter note is 0.5 s."""
    sent = _played(_song())
    assert (sent[0][0], sent[0][1].type) == (0.0, "program_change") and sent[0][1].program == 5
    notes = [(t, m.type, m.channel, m.note) for t, m in sent if m.type in ("note_on", "note_off")]
    assert notes == [(0.0, "note_on", 0, 60), (0.0, "note_on", 9, 36), (0.25, "note_off", 9, 36),
                     (0.5, "note_off", 0, 60), (0.5, "note_on", 0, 64), (1.0, "note_off", 0, 64)]


def test_a_muted_track_stays_silent_and_playback_can_start_midway():
    """Mute silences a track; starting at beat 2 plays only what starts from there, at once."""
    sent = _played(_song(), start_tick=PPQ, mixes=[TrackMix(), TrackMix(mute=True)])
    notes = [(t, m.type, m.note) for t, m in sent if m.type in ("note_on", "note_off")]
    assert notes == [(0.0, "note_on", 64), (0.5, "note_off", 64)]


def test_the_loop_goes_round_until_stopped():
    """With a one-beat loop the first note repeats every half second; stop silences every used channel."""
    clock = FakeClock()
    port = Port(clock)
    player = MidiPlayback(port, clock=clock, wait=lambda s: (clock.wait(s), clock.now > 101.3 and player._stop.set()))
    player._run(_song(), 0, [], (0, PPQ))
    starts = [t for t, m in port.sent if m.type == "note_on" and m.note == 60]
    assert starts[:3] == [0.0, 0.5, 1.0]
    player.stop()
    assert {m.channel for _t, m in port.sent if m.type == "control_change" and m.control == ALL_NOTES_OFF} == {0, 9}


def test_a_port_that_fails_ends_playback_with_the_reason():
    """A device unplugged mid-song stops the player quietly; the error is kept for the app to show."""
    class Broken:
        def send(self, message):
            raise OSError("device went away")

    player = MidiPlayback(Broken(), clock=FakeClock(), wait=lambda s: None)
    player._run(_song(), 0, [], None)
    assert isinstance(player.error, OSError)


def test_real_time_playback_runs_on_its_thread_and_stops():
    """On the real clock: play returns at once, the thread plays, stop joins it and silences."""
    from composer_app.audio.midi.loopback import LoopbackDevices

    devices = LoopbackDevices(outputs=["Synth"])
    player = MidiPlayback(devices.open_output("Synth"))
    player.play(Song(tracks=(Track("x", notes=(Note(0, 60, PPQ * 8, 90),)),)))
    import time

    deadline = time.time() + 2
    while not any(m.type == "note_on" for m in devices.sent["Synth"]) and time.time() < deadline:
        time.sleep(0.01)
    player.stop()
    assert not player.playing and devices.sent["Synth"][-1].control == ALL_NOTES_OFF
