"""polyphony_rnn_generate and performance_rnn_generate as the course runs them, and score --events on both."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from composer_app.music.midi_io import read_midi
from tests.conftest import ROOT, shared_path

RNN2 = ("fixtures", "magenta-rnn2")


def _run(main: str, *args):
    return subprocess.run([sys.executable, "-c", f"import sys; from composer_app.cli.timed_rnn import {main}; "
                           f"sys.argv[0] = 'x'; sys.exit({main}())", *args], cwd=ROOT, capture_output=True, text=True)


def test_polyphony_same_flags_as_magentas_seeded_run(tmp_path):
    """Magenta's recorded run (polyphony.seed2024.mid): same tempo, the primer chord held for a quarter, nothing
    past 64 steps; the generated notes differ (this app's seeded draws, not numpy's global RNG)."""
    theirs = read_midi(shared_path(*RNN2, "polyphony.seed2024.mid"))
    proc = _run("polyphony_main", f"--bundle_file={shared_path(*RNN2, 'polyphony.mag')}", f"--output_dir={tmp_path}",
                "--num_outputs=1", "--num_steps=64", "--primer_pitches=[67,64,60]", "--condition_on_primer=true",
                "--inject_primer_during_generation=false", "--seed=2024")
    assert proc.returncode == 0, proc.stderr[-1000:]
    ours = read_midi(next(tmp_path.glob("*.mid")))
    assert ours.qpm == theirs.qpm == 120.0
    assert ours.tracks[0].notes[:3] == theirs.tracks[0].notes[:3]
    assert ours.tracks[0].end <= 64 * 240 and min(n.start for n in ours.tracks[0].notes[3:]) >= 5 * 240


@pytest.mark.parametrize("name,args", [
    ("performance_with_dynamics", ["--primer_pitches=[60,64,67]"]),
    ("multiconditioned_performance_with_dynamics", ["--primer_melody=[60, -2, 64, -2]", "--notes_per_second=8",
                                                    "--pitch_class_histogram=[2, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1]"]),
])
def test_performance_same_flags_as_magentas_seeded_run(tmp_path, name, args):
    """Magenta's recorded runs: our file has its primer notes (velocity bin 25 -> 97) and stays within 5 s."""
    theirs = read_midi(shared_path(*RNN2, f"{name}.seed2024.mid"))
    proc = _run("performance_main", f"--bundle_file={shared_path(*RNN2, name + '.mag')}", f"--output_dir={tmp_path}",
                "--num_outputs=1", "--num_steps=500", *args, "--seed=2024")
    assert proc.returncode == 0, proc.stderr[-1000:]
    ours = read_midi(next(tmp_path.glob("*.mid")))
    primer = [n for n in theirs.tracks[0].notes if n.start < 960]  # both primers end at 0.5 s
    assert primer and [n for n in ours.tracks[0].notes if n.start < 960] == primer
    assert ours.tracks[0].end <= 9600 and min(n.start for n in ours.tracks[0].notes if n not in primer) >= 979


def _overlaps(notes) -> int:
    """Notes that start while another note of their pitch still sounds."""
    ordered = sorted(notes, key=lambda n: (n.pitch, n.start))
    return sum(a.pitch == b.pitch and b.start < a.end for a, b in zip(ordered, ordered[1:]))


def test_piano_rules_flag_leaves_no_pitch_struck_twice(tmp_path):
    """--piano_rules: no note starts on a pitch still sounding; the same seed without it (Magenta's sampling)
    leaves some."""
    counts = []
    for flags in ([], ["--piano_rules"]):
        out = tmp_path / str(len(flags))
        proc = _run("performance_main", f"--bundle_file={shared_path(*RNN2, 'performance_with_dynamics.mag')}",
                    f"--output_dir={out}", "--num_outputs=1", "--num_steps=1500", "--primer_pitches=[60,64,67]",
                    "--seed=7", *flags)
        assert proc.returncode == 0, proc.stderr[-1000:]
        counts.append(_overlaps(read_midi(next(out.glob("*.mid"))).tracks[0].notes))
    assert counts[0] > 0 and counts[1] == 0


def test_user_errors_are_one_line(tmp_path):
    """A wrong bundle family, a bad histogram and a too-long primer each give one line, no traceback."""
    poly = shared_path(*RNN2, "polyphony.mag")
    multi = shared_path(*RNN2, "multiconditioned_performance_with_dynamics.mag")
    for main, args, words in [
        ("performance_main", [f"--bundle_file={poly}"], "polyphony_rnn_generate"),
        ("performance_main", [f"--bundle_file={multi}", "--pitch_class_histogram=[1, 2]"], "12 numbers"),
        ("polyphony_main", [f"--bundle_file={poly}", "--num_steps=4", "--primer_pitches=[60]"], "--num_steps"),
        ("performance_main", [f"--bundle_file={multi}", "--notes_per_second=oops"], "literal"),
    ]:
        proc = _run(main, *args, f"--output_dir={tmp_path}")
        assert proc.returncode != 0 and "Traceback" not in proc.stderr
        assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_multi_program_primer_is_merged_and_said(tmp_path):
    """A primer MIDI with two programs is merged (Magenta would drop it) and the command says so."""
    proc = _run("polyphony_main", f"--bundle_file={shared_path(*RNN2, 'polyphony.mag')}", f"--output_dir={tmp_path}",
                f"--primer_midi={shared_path(*RNN2, 'chord_pitches_improv.seed2024.mid')}", "--num_outputs=1",
                "--num_steps=160", "--seed=1")
    assert proc.returncode == 0, proc.stderr[-1000:]
    assert "merges them" in proc.stderr
    primer = read_midi(shared_path(*RNN2, "chord_pitches_improv.seed2024.mid"))
    ours = read_midi(next(tmp_path.glob("*.mid")))
    assert {n.pitch for t in primer.tracks for n in t.notes} <= {n.pitch for n in ours.tracks[0].notes}


@pytest.mark.parametrize("name", ["polyphony", "performance_with_dynamics",
                                  "multiconditioned_performance_with_dynamics", "chord_pitches_improv"])
def test_score_events_file_matches_magentas_softmax(name, capsys):
    """composer-app score BUNDLE --events FIXTURE.json --raw --json gives the fixture's softmax to 1e-6."""
    from composer_app.cli.main import main

    assert main(["score", str(shared_path(*RNN2, f"{name}.mag")), "--events", str(shared_path(*RNN2, f"{name}.json")),
                 "--raw", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    golden = json.loads(shared_path(*RNN2, f"{name}.json").read_text())
    assert np.abs(np.array(result["softmax"]) - np.array(golden["softmax"])).max() <= 1e-6
    assert np.isfinite(result["perplexity"]) and result["steps_scored"] == len(golden["events"]) - 1


def _write_midi(path, parts):
    """A MIDI file of (program, [(start tick, pitch, duration ticks, velocity)]) parts at 120 qpm."""
    from composer_app.music.midi_io import write_midi
    from composer_app.music.song import Note, Song, Track

    tracks = tuple(Track(f"part {i}", program=program, channel=i, notes=tuple(Note(*n) for n in notes))
                   for i, (program, notes) in enumerate(parts))
    write_midi(Song(tracks=tracks), path)


@pytest.mark.parametrize("name", ["polyphony", "performance_with_dynamics",
                                  "multiconditioned_performance_with_dynamics"])
def test_score_primer_midi_scores_the_whole_file_as_the_events_file_would(name, tmp_path, capsys):
    """score --primer_midi of a two-part file (merged, as the generators merge a primer) gives the same
    likelihood as --events with the events (and, conditioned, the controls) that file encodes to."""
    from composer_app.cli.main import main
    from composer_app.cli.score import timed_file_events
    from composer_app.models.rnn.bundle import read_bundle

    midi = tmp_path / "two_parts.mid"
    _write_midi(midi, [(0, [(0, 60, 960, 90), (960, 62, 480, 70), (1440, 64, 480, 110)]),
                       (32, [(0, 48, 1920, 60), (1920, 43, 960, 100)])])
    bundle = shared_path(*RNN2, f"{name}.mag")
    config = read_bundle(bundle).config
    events, controls = timed_file_events(midi, config)
    pitches = {e[1] for e in events if e[0] == (3 if name == "polyphony" else 1)}  # NEW_NOTE, NOTE_ON
    assert pitches == {60, 62, 64, 48, 43}  # both parts, every note
    doc = {"events": [list(e) for e in events]}
    if controls is not None:
        assert len(controls) == len(events)
        doc["control_events"] = [[list(v) if isinstance(v, tuple) else v for v in c] for c in controls]
    (tmp_path / "events.json").write_text(json.dumps(doc))
    assert main(["score", str(bundle), "--primer_midi", str(midi), "--json"]) == 0
    from_midi = json.loads(capsys.readouterr().out)
    assert main(["score", str(bundle), "--events", str(tmp_path / "events.json"), "--json"]) == 0
    from_events = json.loads(capsys.readouterr().out)
    assert from_midi["steps_scored"] == len(events) - 1 > 10
    assert from_midi["log_likelihood"] == pytest.approx(from_events["log_likelihood"], rel=1e-9)
