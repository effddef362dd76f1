"""Polyphony and Performance RNN events: encodings, lengths and rendering, and against note_seq on random music."""

from __future__ import annotations

import json
import random
import subprocess

import pytest

from composer_app.music.encodings import performance as perf
from composer_app.music.encodings import polyphony as poly
from composer_app.music.encodings.performance_controls import NoteDensitySignal, PitchHistogramSignal
from tests.conftest import ROOT
from tests.models.rnn.test_bundle import MAGENTA_VENV


def test_polyphony_classes_round_trip_and_reject_bad_events():
    """Every one of the 259 classes decodes to an event that encodes back to it; an unknown event is refused."""
    one_hot = poly.PolyphonyOneHotEncoding()
    assert one_hot.num_classes == 259
    assert all(one_hot.encode_event(one_hot.decode_event(i)) == i for i in range(259))
    with pytest.raises(ValueError):
        one_hot.encode_event((poly.NEW_NOTE, 128))
    with pytest.raises(ValueError):
        poly.poly_event(7)


def test_polyphony_set_length_pads_cuts_and_closes():
    """set_length adds one STEP_END, pads with empty steps or cuts after the n-th, and ends with END."""
    events = poly.events_from_notes([(0, 2, 60), (1, 3, 64)], 3)
    assert poly.num_steps(events) == 3 and events[0] == (poly.START, None) and events[-1] == (poly.END, None)
    assert poly.num_steps(poly.set_length(events, 6)) == 6
    cut = poly.set_length(events, 1)
    assert cut == [(poly.START, None), (poly.NEW_NOTE, 60), (poly.STEP_END, None), (poly.END, None)]
    assert poly.notes_from_events(poly.set_length(events, 3)) == [(0, 2, 60), (1, 3, 64)]


def test_performance_classes_bins_and_lengths():
    """388 classes with 32 velocity bins (356 without); bins map back to their lowest velocity; set_length tops up
    the last shift and cuts from the end."""
    assert perf.PerformanceOneHotEncoding(32).num_classes == 388 and perf.PerformanceOneHotEncoding().num_classes == 356
    assert perf.velocity_to_bin(100, 32) == 25 and perf.bin_to_velocity(25, 32) == 97
    events = [(perf.NOTE_ON, 60), (perf.TIME_SHIFT, 50)]
    assert perf.set_performance_length(events, 230) == events[:1] + [(perf.TIME_SHIFT, 100)] * 2 + [
        (perf.TIME_SHIFT, 30)]
    assert perf.set_performance_length(events, 20) == [(perf.NOTE_ON, 60), (perf.TIME_SHIFT, 20)]
    with pytest.raises(ValueError, match="TIME_SHIFT"):
        perf.PerformanceOneHotEncoding(32).encode_event((perf.TIME_SHIFT, 0))


MAGENTA_SCRIPT = r"""
import json, sys
from magenta.models.polyphony_rnn import polyphony_lib
from note_seq import performance_lib, performance_encoder_decoder as ped, performance_controls as pc
from note_seq.protobuf import music_pb2
out = []
for case in json.load(sys.stdin):
    qs = music_pb2.NoteSequence()
    qs.quantization_info.steps_per_second = 100
    for s, e, p, v in case:
        n = qs.notes.add(quantized_start_step=s, quantized_end_step=e, pitch=p, velocity=v,
                         start_time=s / 100, end_time=e / 100)
    qs.total_quantized_steps = max(e for _, e, _, _ in case)
    performance = performance_lib.Performance(qs, num_velocity_bins=32)
    events = [(e.event_type, e.event_value) for e in performance]
    rendered = performance.to_sequence(max_note_duration=5.0)
    modulo = ped.ModuloPerformanceEventSequenceEncoderDecoder(num_velocity_bins=32)
    rq = music_pb2.NoteSequence()
    rq.quantization_info.steps_per_quarter = 4
    rq.tempos.add(qpm=120)
    for s, e, p, v in case:
        rq.notes.add(quantized_start_step=s // 8, quantized_end_step=max(s // 8 + 1, e // 8), pitch=p, velocity=v)
    rq.total_quantized_steps = max(max(s // 8 + 1, e // 8) for s, e, _, _ in case)
    poly_events = [(e.event_type, e.pitch) for e in polyphony_lib.PolyphonicSequence(rq)]
    out.append({"events": events, "modulo": [modulo.events_to_input(performance, i) for i in range(len(events))],
                "density": pc.NoteDensityPerformanceControlSignal(3.0, [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]
                                                                  ).extract(performance),
                "histogram": pc.PitchHistogramPerformanceControlSignal(5.0).extract(performance),
                "notes": sorted((round(n.start_time * 100), round(n.end_time * 100), n.pitch, n.velocity)
                                for n in rendered.notes),
                "poly": poly_events})
print(json.dumps(out))
"""


def test_random_music_encodes_as_note_seq_does():
    """On 40 random pieces, performances, modulo inputs, both control signals, rendering back to notes and
    polyphonic sequences equal note_seq's and Magenta's (the reference install, run beside)."""
    python = MAGENTA_VENV / "bin" / "python"
    if not python.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV}")
    rng = random.Random(17)
    cases = []
    for _ in range(40):
        notes = []
        for _ in range(rng.randint(1, 30)):
            start = rng.choice([rng.randint(0, 1200), rng.randint(0, 40) * 8])
            notes.append((start, start + rng.choice([1, 8, 30, 200, 700]), rng.randint(0, 127), rng.randint(1, 127)))
        cases.append(notes)
    proc = subprocess.run([str(python), "-c", MAGENTA_SCRIPT], input=json.dumps(cases), capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    modulo = perf.ModuloPerformanceEventSequenceEncoderDecoder(32)
    for notes, theirs in zip(cases, json.loads(proc.stdout.splitlines()[-1])):
        events = perf.performance_from_notes(notes, 32)
        assert events == [tuple(e) for e in theirs["events"]]
        assert [modulo.events_to_input(events, i) for i in range(len(events))] == theirs["modulo"]
        assert NoteDensitySignal().extract(events) == theirs["density"]
        assert PitchHistogramSignal().extract(events) == theirs["histogram"]
        assert sorted(perf.notes_from_performance(events, 32, max_note_steps=500)) == [tuple(n) for n in
                                                                                         theirs["notes"]]
        grid = [(s // 8, max(s // 8 + 1, e // 8), p) for s, e, p, _ in notes]
        expected = [tuple(e) for e in theirs["poly"]]
        assert poly.events_from_notes(grid, max(e for _, e, _ in grid)) == expected
