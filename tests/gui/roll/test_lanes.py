"""Note names, General MIDI drum names and Magenta's nine-lane drum kit."""

from composer_app.gui.roll.lanes import chromatic_lanes, drum_name, kit_class_names, kit_lanes, note_name


def test_note_names_use_c4_as_middle_c():
    """Pitch 60 is C4, as the course uses; 61 is C#4 and 21 is A0."""
    assert note_name(60) == "C4"
    assert note_name(61) == "C#4"
    assert note_name(21) == "A0"
    assert note_name(0) == "C-1"


def test_drum_names_follow_general_midi():
    """GM percussion names for drum pitches, and note names outside the GM map."""
    assert drum_name(36) == "Bass Drum 1"
    assert drum_name(38) == "Acoustic Snare"
    assert drum_name(42) == "Closed Hi-Hat"
    assert drum_name(100) == "E7"


def test_chromatic_lanes_put_the_highest_pitch_on_top():
    """Row 0 is pitch 127; drum-track lanes are labelled with drum names."""
    lanes = chromatic_lanes()
    assert lanes.pitch_of(0) == 127
    assert lanes.row_of(60) == 67
    assert lanes.label(lanes.row_of(60)) == "C4"
    assert chromatic_lanes(True).label(lanes.row_of(38)) == "Acoustic Snare"


def test_kit_lanes_show_magentas_nine_classes_kick_at_the_bottom():
    """Nine rows named after Magenta's classes; every pitch of a class maps to its row."""
    lanes = kit_lanes()
    assert lanes.rows == 9
    assert kit_class_names()[:3] == ("Kick", "Snare", "Closed Hi-Hat")
    assert lanes.label(8) == "Kick" and lanes.pitch_of(8) == 36
    assert lanes.label(0) == "Ride" and lanes.pitch_of(0) == 51
    assert lanes.row_of(35) == 8  # the other kick pitch shares the kick lane
    assert lanes.row_of(44) == lanes.row_of(42)  # pedal hi-hat is in the closed hi-hat class
    assert lanes.shifted(35, -1) == 38  # moving up a lane lands on the snare's canonical pitch
    assert lanes.shifted(36, 1) is None
