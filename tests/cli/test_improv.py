"""improv_rnn_generate as the course runs it, against Magenta's own output, and `score` over backing chords."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np
import pytest

from composer_app.cli.improv import magenta_primer
from composer_app.cli.main import main
from composer_app.music.chords import backing_chords, render_chords
from composer_app.music.midi_io import read_midi
from tests.conftest import ROOT, shared_path
from tests.models.rnn.test_improv_goldens import improv_bundle, improv_golden

COURSE_CHORDS = "C G Am F C G F C"


def _run(*args):
    return subprocess.run([sys.executable, "-c", "import sys; from composer_app.cli.improv import main; "
                           "sys.argv[0] = 'improv_rnn_generate'; sys.exit(main())", *args],
                          cwd=ROOT, capture_output=True, text=True)


def test_course_command_writes_melodies_over_rendered_chords(tmp_path):
    """The course's command writes 10 files of 8 bars: the melody, then the chords on a second track."""
    start = time.perf_counter()
    proc = _run("--config=chord_pitches_improv", f"--bundle_file={improv_bundle('chord_pitches_improv')}",
                f'--backing_chords={COURSE_CHORDS}', "--steps_per_chord=16", "--render_chords",
                f"--output_dir={tmp_path}")
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr[-1000:]
    files = sorted(tmp_path.glob("*.mid"))
    assert len(files) == 10 and files[0].name.endswith("_01.mid") and files[-1].name.endswith("_10.mid")
    expected_chords = render_chords(backing_chords(COURSE_CHORDS, 16), 4).notes
    for path in files:
        song = read_midi(path)
        melody, chords = song.tracks
        assert chords.notes == expected_chords and (chords.program, chords.channel) == (88, 1)
        assert melody.notes[0].pitch == 60 and melody.end <= 128 * 240
        assert [c.figure for c in song.chords] == COURSE_CHORDS.split()
    assert seconds < 30, f"{seconds:.1f} s"  # about 0.5 s measured, interpreter start included


def test_same_flags_as_magentas_seeded_run_give_its_primer_chords_and_length(tmp_path):
    """Magenta's recorded run (chord_pitches_improv.seed2024.mid): our file has its tempo, its primer notes, its
    rendered chord track note for note, and its length. Sampling uses this app's seeded draws, not numpy's global
    RNG, so the generated notes themselves differ."""
    theirs = read_midi(shared_path("fixtures", "magenta-rnn2", "chord_pitches_improv.seed2024.mid"))
    proc = _run(f"--bundle_file={improv_bundle('chord_pitches_improv')}", f"--output_dir={tmp_path}",
                "--num_outputs=1", "--primer_melody=[60, -2, 64, -2, 67, -2, -1, -2]",
                "--backing_chords=C Am7/G Csus4 G7(b9) N.C. F#m7b5 Bb/C C", "--steps_per_chord=8",
                "--render_chords", "--seed=2024")
    assert proc.returncode == 0, proc.stderr[-1000:]
    ours = read_midi(next(tmp_path.glob("*.mid")))
    assert ours.qpm == theirs.qpm and len(ours.tracks) == len(theirs.tracks) == 2
    assert ours.tracks[1].notes == theirs.tracks[1].notes
    assert (ours.tracks[1].program, ours.tracks[1].channel) == (theirs.tracks[1].program, theirs.tracks[1].channel)
    assert ours.tracks[0].notes[:3] == theirs.tracks[0].notes[:3]
    assert min(n.start for n in ours.tracks[0].notes[3:]) >= 8 * 240  # nothing generated inside the primer
    assert ours.tracks[0].end <= theirs.tracks[1].end == 64 * 240


# (primer events, qpm, the melody Magenta 2.1.4's improv_rnn_generate continued), recorded by running its
# to_sequence / extract_melodies / set_length path in the reference install.
MAGENTA_PRIMERS = [
    ([60, -2, 64, -2, 67, -2, -1, -2], 120.0, [60, -2, 64, -2, 67, -2, -1, -2]),
    ([60, -2, -2, -2], 120.0, [60, -2, -2, -2, -1, -2]),
    ([60], 120.0, [60, -1, -2]),
    ([60, -1, -2, -2, 62, -2], 120.0, [60, -1, -2, -2, 62, -2, -1, -2]),
    ([-2, -2, 60, -2], 120.0, [-2, -2, 60, -2, -1, -2]),
    ([60, -1, -2, -2, -2], 120.0, [60, -1, -2]),
    ([60, -2, 64, -2, 67], 100.0, [60, -2, 64, -2, 67, -1, -2]),
    ([60, -2, 64, -2, 67, -2, -2], 133.0, [60, -2, 64, -2, 67, -2, -2, -1, -2]),
    ([62, -2, -2, 60, 60, -1], 90.0, [62, -2, -2, 60, 60, -1]),
]


@pytest.mark.parametrize("events, qpm, expected", MAGENTA_PRIMERS)
def test_primer_is_the_melody_magenta_continues(events, qpm, expected):
    """Trailing rests go, the last note is ended, and the start step rounds as Magenta's float seconds do."""
    assert magenta_primer(events, qpm) == expected


@pytest.mark.parametrize("args, message", [
    (["--backing_chords=C Hm"], "'Hm'"),
    (["--backing_chords=C Csus4"], "not a standard triad"),
    (["--config=nope"], "invalid choice"),
    (["--config=chord_pitches_improv"], "not chord_pitches_improv"),
    (["--hparams=foo=1"], "unknown hparam"),
    (["--steps_per_chord=0"], "at least 1"),
    (["--primer_melody=[60, 999]"], "999"),
    (["--backing_chords=C", "--steps_per_chord=4", "--primer_melody=[60, -2, 62, -2]"], "not shorter"),
])
def test_user_errors_are_one_line(tmp_path, args, message):
    """A bad chord, config, hparam, length or primer gives one line naming it, and no traceback."""
    proc = _run(f"--bundle_file={improv_bundle('basic_improv')}", f"--output_dir={tmp_path}", *args)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr


def test_bundle_of_another_model_is_one_line(tmp_path):
    """A Melody RNN bundle given to improv_rnn_generate says which tool it belongs to."""
    from tests.models.conftest import bundle_path

    proc = _run(f"--bundle_file={bundle_path('basic_rnn')}", f"--output_dir={tmp_path}")
    assert proc.returncode == 1 and "not an Improv RNN model" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("config_id", ["basic_improv", "attention_improv", "chord_pitches_improv"])
def test_score_over_backing_chords_matches_magenta(config_id, capsys):
    """score --backing_chords --steps_per_chord 1 --raw --json prints Magenta's softmax for the fixture."""
    golden = improv_golden(config_id)
    assert main(["score", str(improv_bundle(config_id)), "--primer_melody", json.dumps(golden["events"]),
                 "--backing_chords", " ".join(golden["control_events"]), "--steps_per_chord", "1", "--raw",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert np.abs(np.array(out["softmax"]) - np.array(golden["softmax"])).max() <= 1e-6
    assert out["chords"] == golden["control_events"] and out["steps_scored"] == 47


def test_score_needs_chords_for_improv_and_refuses_them_otherwise(capsys):
    """Scoring an improv bundle without chords, or a melody bundle with them, is a one-line error."""
    from tests.models.conftest import bundle_path

    assert main(["score", str(improv_bundle("basic_improv")), "--primer_melody", "[60, -2, 62]"]) == 1
    assert "--backing_chords" in capsys.readouterr().err
    assert main(["score", str(bundle_path("basic_rnn")), "--primer_melody", "[60, -2, 62]",
                 "--backing_chords", "C"]) == 1
    assert "for Improv RNN models" in capsys.readouterr().err
    assert main(["score", str(improv_bundle("basic_improv")), "--primer_melody", "[60, -2, 62, -2]",
                 "--backing_chords", "C G", "--steps_per_chord", "1"]) == 1
    assert "fewer than the 4 events" in capsys.readouterr().err


def test_improv_rnn_generate_runs_without_tensorflow(tmp_path):
    """Generating over chords runs on the numpy engine alone: TensorFlow is never imported."""
    code = ("import sys; from composer_app.cli.improv import main; "
            f"sys.argv = ['improv_rnn_generate', '--bundle_file={improv_bundle('attention_improv')}', "
            f"'--output_dir={tmp_path}', '--num_outputs=2']; "
            "status = main(); print('STATUS', status, 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.split("STATUS", 1)[1].split() == ["0", "False"], out.stderr[-1000:]
