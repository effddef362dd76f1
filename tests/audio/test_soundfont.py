"""SoundFont choice: the bundled default, a better system font when present, and clear errors with a fallback."""

from __future__ import annotations

import shutil

import pytest

from composer_app.audio import soundfont as sf
from composer_app.audio.errors import SoundFontError


@pytest.fixture
def no_system_fonts(monkeypatch, tmp_path):
    monkeypatch.setattr(sf, "SYSTEM_SOUNDFONTS", (tmp_path / "absent" / "FluidR3_GM.sf2",))


def test_bundled_soundfont_is_pretty_midis_timgm6mb():
    """The fallback font is pretty_midi's TimGM6mb.sf2, and it passes the structure check."""
    path = sf.bundled_soundfont()
    assert path.name == "TimGM6mb.sf2"
    assert sf.check_soundfont(path) == path


def test_default_is_bundled_without_a_system_font(no_system_fonts):
    """With no FluidR3 installed the default is the bundled font, with no fallback message."""
    choice = sf.choose_soundfont()
    assert choice.path == sf.bundled_soundfont()
    assert choice.fallback_reason == ""


def test_system_fluidr3_is_preferred_when_present(monkeypatch, tmp_path):
    """An installed FluidR3_GM.sf2 beats the bundled font."""
    fluid = tmp_path / "FluidR3_GM.sf2"
    shutil.copy(sf.bundled_soundfont(), fluid)
    monkeypatch.setattr(sf, "SYSTEM_SOUNDFONTS", (tmp_path / "missing.sf2", fluid))
    assert sf.default_soundfont() == fluid
    assert sf.choose_soundfont().path == fluid


def test_users_choice_is_used_when_valid(tmp_path):
    """A valid user-chosen font is used as is."""
    mine = tmp_path / "Mine.sf2"
    shutil.copy(sf.bundled_soundfont(), mine)
    assert sf.choose_soundfont(mine) == sf.SoundFontChoice(mine)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"just some text, not a soundfont at all", "no RIFF header"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(28), "not a SoundFont"),
        (b"", "no RIFF header"),
    ],
)
def test_non_soundfont_files_are_rejected(tmp_path, content, problem):
    """Text, a WAV file and an empty file are refused before FluidSynth sees them."""
    path = tmp_path / "bad.sf2"
    path.write_bytes(content)
    with pytest.raises(SoundFontError, match=problem) as err:
        sf.check_soundfont(path)
    assert str(path) in str(err.value)


def test_truncated_soundfont_is_rejected(tmp_path):
    """A SoundFont cut short (an interrupted download) is reported as truncated."""
    data = sf.bundled_soundfont().read_bytes()
    path = tmp_path / "half.sf2"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SoundFontError, match="truncated"):
        sf.check_soundfont(path)


def test_corrupt_preset_table_is_rejected(tmp_path):
    """A SoundFont whose preset table is missing is reported as corrupt."""
    data = bytearray(sf.bundled_soundfont().read_bytes())
    at = data.find(b"phdr")
    data[at:at + 4] = b"xxxx"
    path = tmp_path / "corrupt.sf2"
    path.write_bytes(bytes(data))
    with pytest.raises(SoundFontError, match="phdr"):
        sf.check_soundfont(path)


def test_missing_and_folder_paths_are_clear(tmp_path):
    """A missing file and a folder each get their own message."""
    with pytest.raises(SoundFontError, match="no such file"):
        sf.check_soundfont(tmp_path / "nope.sf2")
    with pytest.raises(SoundFontError, match="folder"):
        sf.check_soundfont(tmp_path)


def test_bad_choice_falls_back_to_the_default_with_a_reason(no_system_fonts, tmp_path):
    """Asking for a broken font gives the default plus a message naming the bad file and the fallback."""
    bad = tmp_path / "broken.sf2"
    bad.write_text("nope")
    choice = sf.choose_soundfont(bad)
    assert choice.path == sf.bundled_soundfont()
    assert str(bad) in choice.fallback_reason
    assert "using TimGM6mb.sf2 instead" in choice.fallback_reason


def test_synth_falls_back_when_fluidsynth_refuses_a_font(fluidsynth_ok, monkeypatch, tmp_path, no_system_fonts):
    """A font that passes the structure check but that FluidSynth cannot load falls back to the bundled one."""
    import fluidsynth

    from composer_app.audio.synth import Synthesizer

    odd = tmp_path / "Odd.sf2"
    shutil.copy(sf.bundled_soundfont(), odd)
    real_sfload = fluidsynth.Synth.sfload
    monkeypatch.setattr(fluidsynth.Synth, "sfload",
                        lambda self, name, *a: -1 if name == str(odd) else real_sfload(self, name, *a))
    with Synthesizer(odd) as synth:
        assert synth.soundfont.path == sf.bundled_soundfont()
        assert "FluidSynth could not load it" in synth.soundfont.fallback_reason
