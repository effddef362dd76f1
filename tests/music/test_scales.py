"""Pitch, key and scale names: one table for the panel, the roll, the CLI and steering."""

from composer_app.music.scales import SCALE_CHOICES, SCALES, pitch_class, pitch_name


def test_pitch_names_use_c4_for_middle_c_in_both_spellings():
    """60 is C4; black keys are flats for keys and sharps for the roll's rows."""
    assert pitch_name(60) == "C4" and pitch_name(63) == "Eb4" and pitch_name(63, sharps=True) == "D#4"
    assert pitch_name(0) == "C-1" and pitch_name(127) == "G9"


def test_key_names_accept_enharmonics_and_reject_others():
    """F#, Gb and gb are the same pitch class; H is not a key."""
    assert pitch_class("F#") == pitch_class("Gb") == pitch_class(" gb ") == 6
    assert pitch_class("B#") == 0 and pitch_class("Cb") == 11
    assert pitch_class("H") is None and pitch_class("") is None


def test_every_choice_is_a_scale_of_pitch_classes_starting_on_the_tonic():
    """The picker lists every scale but chromatic, each starting at 0 and ascending within an octave."""
    assert "chromatic" not in SCALE_CHOICES and set(SCALE_CHOICES) | {"chromatic"} == set(SCALES)
    for steps in SCALES.values():
        assert steps[0] == 0 and list(steps) == sorted(set(steps)) and steps[-1] < 12
