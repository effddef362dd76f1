"""Complete a shipped bundle's model card: CLI-generated samples vs held-out statistics, the sanity curve, and
(for attention_rnn and drum_kit) the comparison with Magenta's own trainer.

Usage: finish_shipped_bundle.py CONFIG [RUN]. RUN (default CONFIG) names the run folder whose bundle ships; it is
copied into resources/bundles/ first. The Magenta comparison always uses the run trained beside Magenta's
(runs/CONFIG), whichever run ships.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_results import Fields, load_result  # noqa: E402
from shipped_data import RUNS, short_data_description, sources_for  # noqa: E402
from timed_card_stats import notes_of_held_out, notes_of_sample, timed_stats, timed_stats_table  # noqa: E402
from timed_card_stats import sample_command as timed_sample_command  # noqa: E402

from composer_app.models.rnn.configs import get_config  # noqa: E402
from composer_app.models.rnn.extraction import model_events  # noqa: E402
from composer_app.models.training.card import write_card  # noqa: E402
from composer_app.models.training.export import bundle_description  # noqa: E402
from composer_app.models.training.metrics import read_metrics  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
C_MAJOR = {0, 2, 4, 5, 7, 9, 11}
PITCH_NAMES = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]


BACKING_CHORDS = "C G Am F C G F C"  # the course's progression, one bar each
STOPPED = "stopped.json"  # in a run cut short and continued by another: {"step": N, "bundle": its weights at N}
TIMED = ("polyphony", "performance")  # families whose samples are timed notes, not melody or drum events


def sample_command(config_id: str) -> list[str]:
    """The CLI command that makes the card's samples (Improv RNN: over the course's backing chords)."""
    config = get_config(config_id)
    if config.family in TIMED:
        return timed_sample_command(config)
    if config.needs_chords:
        return ["improv_rnn_generate", "--config", config_id, "--backing_chords", BACKING_CHORDS,
                "--steps_per_chord", "16", "--primer_melody", "[60]", "--num_outputs", "5", "--seed", "1"]
    primer = ["--primer_drums", "[(36, 42)]"] if config.is_drums else ["--primer_melody", "[60]"]
    return ["composer-app", "generate", "--config", config_id, "--num_outputs", "5", "--num_steps", "128",
            "--seed", "1", *primer]


def generate_samples(config_id: str, folder: Path, bundle: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.mid"):
        old.unlink()
    command = sample_command(config_id)
    subprocess.run([str(ROOT / ".venv" / "bin" / command[0]), *command[1:], "--bundle_file", str(bundle),
                    "--output_dir", str(folder)], check=True, capture_output=True)
    return sorted(folder.glob("*.mid"))


def sample_events(path: Path, config) -> list:
    from composer_app.music.events import drums_from_track, melody_from_track
    from composer_app.music.io import read_song
    from composer_app.music.song import Track

    song = read_song(path)
    if config.is_drums:
        notes = [n for t in song.tracks if t.is_drum for n in t.notes]
        return list(drums_from_track(Track(is_drum=True, channel=9, notes=tuple(notes)),
                                     steps_per_quarter=config.steps_per_quarter, gap_bars=10**6))
    track = [t for t in song.tracks if not t.is_drum and t.notes][0]
    return list(melody_from_track(track, steps_per_quarter=config.steps_per_quarter, gap_bars=10**6,
                                  ignore_polyphonic_notes=True))


def best_major_key(pitches) -> int:
    classes = Counter(p % 12 for p in pitches)
    return max(range(12), key=lambda k: sum(c for pc, c in classes.items() if (pc - k) % 12 in C_MAJOR))


def melody_stats(sequences, transposed: bool) -> dict:
    hist = np.zeros(12)
    notes = steps = in_key = 0
    for events in sequences:
        pitches = [e for e in events if e >= 0]
        key = 0 if transposed else best_major_key(pitches)
        for p in pitches:
            hist[p % 12] += 1
            in_key += (p - key) % 12 in C_MAJOR
        notes += len(pitches)
        steps += len(events)
    return {"pitch_class_histogram": (hist / max(hist.sum(), 1)).round(3).tolist(),
            "notes_per_bar": round(16 * notes / max(steps, 1), 2),
            "fraction_in_key": round(in_key / max(notes, 1), 3), "sequences": len(sequences)}


def drum_stats(sequences, config) -> dict:
    counts = Counter()
    hits = steps = busy = 0
    for events in sequences:
        for e in events:
            steps += 1
            busy += bool(e)
            # one_drum hears every drum as one sound: a step with several drums is one hit.
            hits += min(len(e), 1) if config.id == "one_drum" else len(e)
            for p in e:
                counts[_drum_class(p, config)] += 1
    total = max(sum(counts.values()), 1)
    bar = 4 * config.steps_per_quarter
    return {"hits_per_bar": round(bar * hits / max(steps, 1), 2),
            "fraction_of_steps_with_a_hit": round(busy / max(steps, 1), 3),
            "drum_class_share": {k: round(v / total, 3) for k, v in sorted(counts.items())},
            "sequences": len(sequences)}


def _drum_class(pitch: int, config) -> str:
    from composer_app.music.encodings import DEFAULT_DRUM_TYPE_PITCHES, DRUM_TYPE_NAMES

    if config.id == "one_drum":
        return "drum"
    for i, group in enumerate(DEFAULT_DRUM_TYPE_PITCHES):
        if pitch in group:
            return DRUM_TYPE_NAMES[i]
    return "other"


def chord_tone_share(pairs) -> dict:
    """Of the notes started over a chord (N.C. aside), the share whose pitch class is one of the chord's tones."""
    from composer_app.music.chords import parse_chord_symbol

    on = total = 0
    for melody, chords in pairs:
        for event, figure in zip(melody, chords):
            info = parse_chord_symbol(figure) if event >= 0 else None
            if info is None or info.is_no_chord:
                continue
            total += 1
            on += event % 12 in info.pitch_classes
    return {"chord_tone_share": round(on / max(total, 1), 3), "notes_over_chords": total}


def stats_table(ours: dict, held: dict, config) -> str:
    if config.is_drums:
        rows = [("hits per bar", ours["hits_per_bar"], held["hits_per_bar"]),
                ("fraction of steps with a hit", ours["fraction_of_steps_with_a_hit"],
                 held["fraction_of_steps_with_a_hit"])]
        for k in sorted(set(ours["drum_class_share"]) | set(held["drum_class_share"])):
            rows.append((f"share of hits: {k}", ours["drum_class_share"].get(k, 0.0),
                         held["drum_class_share"].get(k, 0.0)))
    else:
        rows = [("notes per bar", ours["notes_per_bar"], held["notes_per_bar"])]
        if "chord_tone_share" in ours:
            rows.append(("fraction of notes on a tone of the chord sounding", ours["chord_tone_share"],
                         held["chord_tone_share"]))
        rows += [
                ("fraction of notes in key" + ("" if config.transpose_to_key is not None
                                               else " (best-fitting major key per piece)"),
                 ours["fraction_in_key"], held["fraction_in_key"])]
        for i, name in enumerate(PITCH_NAMES):
            rows.append((f"pitch class {name}", ours["pitch_class_histogram"][i], held["pitch_class_histogram"][i]))
    lines = [f"| statistic | samples ({ours['sequences']}) | held-out ({held['sequences']}) |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main(config_id: str, run_name: str | None = None) -> int:
    import shutil

    config = get_config(config_id)
    run = RUNS / (run_name or config_id)
    result = load_result(run)
    shipped = ROOT / "composer_app" / "resources" / "bundles" / f"{config_id}.mag"
    if Path(result.bundle).resolve() != shipped.resolve():
        shutil.copyfile(result.bundle, shipped)
        result.bundle, result.card = shipped, shipped.with_suffix(".md")
    _set_bundle_description(shipped, bundle_description(result, short_data_description(config_id)))
    _, description = sources_for(config_id)
    samples = generate_samples(config_id, run / "samples", shipped)
    if config.family in TIMED:
        ours = timed_stats([notes_of_sample(p, config) for p in samples], config)
        held = timed_stats([notes_of_held_out(s, config) for s in _held_out_sequences(config_id) if s.plain], config)
    elif config.is_drums:
        events = [sample_events(p, config) for p in samples]
        ours, held = drum_stats(events, config), drum_stats(_held_out_events(config_id), config)
    else:
        events = [sample_events(p, config) for p in samples]
        held_events = _held_out_events(config_id)
        ours = melody_stats(events, config.transpose_to_key is not None)
        held = melody_stats(held_events, config.transpose_to_key is not None)
        if config.needs_chords:  # how the melodies sit on their chords: the samples over the course's progression
            from composer_app.music.chords import backing_chords

            course = backing_chords(BACKING_CHORDS, 16)
            ours.update(chord_tone_share((e, course) for e in events))
            held.update(chord_tone_share(_held_out_sequences(config_id)))
    (run / "sample_stats.json").write_text(json.dumps({"samples": ours, "held_out": held}, indent=1))
    sections = []
    notes = run / "notes.md"
    if notes.exists():
        sections.append(("Choice of hparams", notes.read_text()))
    rows = read_metrics(run / "metrics.jsonl")
    curve = [(r["step"], r["eval_perplexity"], r.get("eval_accuracy")) for r in rows if "eval_perplexity" in r]
    sections.append(("Sanity curve (held-out, measured)", "| step | perplexity | accuracy |\n|---|---|---|\n" + "\n".join(
        f"| {s} | {p:.3f} | {a:.3f} |" for s, p, a in curve) + "\n\n" + _step_zero(config, run)))
    cmp_path = RUNS / f"magenta_{config_id}" / "evaluation.json"
    if cmp_path.exists():
        compared = _chain(run, config_id)[0]  # a continued run's trainer check is its first run's
        sections.append(("Comparison with Magenta's own trainer (measured)", _magenta_comparison(
            config, json.loads(cmp_path.read_text()), compared, shipped_run=run)))
    shown = " ".join(f'"{a}"' if " " in a or "[" in a else a for a in sample_command(config_id))
    sections.append(("Samples (generated by the CLI)", "\n".join([
        f"`{shown}` with this bundle. Statistics of the samples against the held-out sequences:", "",
        timed_stats_table(ours, held, config) if config.family in TIMED else stats_table(ours, held, config)])))
    observed = run / "observations.md"
    if observed.exists():
        sections.append(("Looking at the samples", observed.read_text()))
    hp = _hparams_flag(result.hparams)
    chain = _chain(run, config_id)
    start = ""
    for i, part in enumerate(chain[:-1]):  # the runs this one continued from come first, each from the last's bundle
        start += (f"`.venv/bin/python scripts/train_shipped_bundles.py {config_id} --steps "
                  f"{_run_figures(part).steps} --hparams \"{_hparams_flag(_signature(part)['hparams'])}\""
                  f"{_run_flags(part, config_id, i)} --output {_part_bundle(i + 1)}`, then ")
    run_flag = _run_flags(run, config_id, len(chain) - 1)
    sections.append(("Reproduce", f"{start}`.venv/bin/python scripts/train_shipped_bundles.py {config_id} --steps "
                                  f"{result.steps} --hparams \"{hp}\"{run_flag}` then "
                                  f"`scripts/finish_shipped_bundle.py {config_id}{' ' + run.name if run_flag else ''}` "
                                  f"(with the shared datasets beside the project; {_file_list(config)}). "
                                  "Users train their own "
                                  f"with `composer-app train --config {config_id} --input DIR --output my.mag`."))
    write_card(result, description, sections)
    print((run / "sample_stats.json").read_text())
    print(result.card.read_text())
    return 0


def _step_zero(config, run: Path) -> str:
    """What the curve's first row is: the untrained model, or the network a continued run started from."""
    classes = config.encoder().num_classes
    if "init_from" in _signature(run):
        return (f"Step 0 is the network this run continued from (see \"Choice of hparams\"); an untrained one, with "
                f"{classes} classes, would have perplexity {classes}.")
    return f"Step 0 is the untrained model: {classes} classes, so a uniform guess has perplexity {classes}."


def _chain(run: Path, config_id: str) -> list[Path]:
    """The runs a shipped run grew from, first to last, itself included: a continued run starts from the bundle
    that an earlier run's stopped.json names (or, for runs from before stopped.json, from the config's own run)."""
    chain = [run]
    while "init_from" in _signature(chain[0]):
        name = Path(_signature(chain[0])["init_from"]).name
        named = [r for r in RUNS.iterdir()
                 if (r / STOPPED).exists() and json.loads((r / STOPPED).read_text()).get("bundle") == name]
        chain.insert(0, named[0] if named else RUNS / config_id)
    return chain


def _run_flags(run: Path, config_id: str, index: int) -> str:
    """A run's own flags for train_shipped_bundles.py: its name, its windows, and the bundle of the part before."""
    signature = _signature(run)
    flags = f" --run-name {run.name}" if run.name != config_id else ""
    if "window" in signature:
        flags += f" --window {signature['window']}"
    if "init_from" in signature:
        flags += f" --init-from {_part_bundle(index)}"
    return flags


def _part_bundle(number: int) -> str:
    """The bundle the reader's reproduction of part `number` (from 1) writes for the next part to start from."""
    return "first.mag" if number == 1 else f"part{number}.mag"


def _hparams_flag(hparams: dict) -> str:
    return ",".join(f"{k}={list(v) if isinstance(v, (list, tuple)) else v}".replace(" ", "")
                    for k, v in hparams.items() if k in ("batch_size", "rnn_layer_sizes", "dropout_keep_prob",
                                                         "attn_length", "clip_norm", "learning_rate"))


def _signature(run: Path) -> dict:
    from composer_app.models.training.run_folder import SIGNATURE

    return json.loads((run / SIGNATURE).read_text()) if (run / SIGNATURE).exists() else {}


def _file_list(config) -> str:
    """Where the card's reader finds the exact files a shipped model learnt from."""
    if config.family == "polyphony":
        return "the files are every `bach/*.mxl` of music21's corpus"
    if config.family == "performance":
        return "the files are ASAP's performances, listed in its `metadata.csv`"
    return f"the file list is `scripts/data/{'improv' if config.needs_chords else 'melody'}_sources.json`"


def _set_bundle_description(path: Path, description: str) -> None:
    """Give the shipped bundle a one-line description (the app shows it); the weights are untouched."""
    import dataclasses

    from composer_app.atomic_file import write_atomically
    from composer_app.models.checkpoints.bundle_proto import parse_bundle, serialize_bundle

    bundle = dataclasses.replace(parse_bundle(path.read_bytes()), bundle_description=description)
    write_atomically(path, lambda fh: fh.write(serialize_bundle(bundle)))


def magenta_family(config) -> str:
    """The prefix of Magenta's scripts for a config: drums_rnn_*, improv_rnn_*, polyphony_rnn_*,
    performance_rnn_* or melody_rnn_*."""
    if config.family in ("polyphony", "performance"):
        return config.family
    return "drums" if config.is_drums else "improv" if config.needs_chords else "melody"


def _run_figures(run: Path) -> Fields:
    """A run's steps, hparams, speed and held-out figures: from its result, or, for a run cut short to be
    continued by another (no result, a `stopped.json` naming the step whose weights went on), from its metrics."""
    if (run / "result.json").exists():
        r = load_result(run)
        return Fields(steps=r.steps, hparams=r.hparams, steps_per_sec=r.steps / r.wall_time_s,
                      perplexity=r.held_out.perplexity, accuracy=r.held_out.accuracy)
    steps = json.loads((run / STOPPED).read_text())["step"]
    rows = [r for r in read_metrics(run / "metrics.jsonl") if r["step"] <= steps]
    held = [r for r in rows if "eval_perplexity" in r][-1]
    return Fields(steps=steps, hparams=_signature(run)["hparams"], perplexity=held["eval_perplexity"],
                  accuracy=held["eval_accuracy"], steps_per_sec=rows[-1]["step"] / rows[-1]["elapsed_s"])


def _magenta_comparison(config, m: dict, compared_run: Path, shipped_run: Path) -> str:
    """The trainer check: this app's and Magenta's trainers on the same data, split, hparams and steps."""
    ours = _run_figures(compared_run)
    steps, perplexity, accuracy = ours.steps, ours.perplexity, ours.accuracy
    earlier = m.get("steps") is not None and m["steps"] < ours.steps
    if earlier:  # Magenta's twin stopped sooner: our run's held-out figures logged at its step
        (row,) = [r for r in read_metrics(compared_run / "metrics.jsonl")
                  if r["step"] == m["steps"] and "eval_perplexity" in r]
        steps, perplexity, accuracy = m["steps"], row["eval_perplexity"], row["eval_accuracy"]
    hp = ", ".join(f"{k}={v}" for k, v in ours.hparams.items()
                   if k in ("batch_size", "rnn_layer_sizes", "attn_length", "dropout_keep_prob", "clip_norm",
                            "learning_rate"))
    ratio = perplexity / m["eval_perplexity"]
    lines = [
        f"Magenta 2.1.4's `{magenta_family(config)}_rnn_train`, fed the same encoded training "
        f"sequences as SequenceExample TFRecords, with the same hparams ({hp}) and the same {steps} steps as "
        "this app's trainer" + (f" (whose run went on to {ours.steps} steps: its held-out figures below are the "
                                f"ones it logged at step {steps})" if earlier else "") + "; its checkpoint was saved as a bundle with Magenta's own `--save_generator_bundle` and "
        "scored on the same held-out set with the same code.",
        "",
        "| trainer | held-out perplexity | held-out accuracy |", "|---|---|---|",
        f"| composer-app | {perplexity:.3f} | {accuracy:.3f} |",
        f"| Magenta 2.1.4 | {m['eval_perplexity']:.3f} | {m['eval_accuracy']:.3f} |",
        "",
        f"Ratio (ours / Magenta): {ratio:.3f} ({'within 5% or better' if ratio <= 1.05 else 'NOT within 5%'})."
        + (f" Magenta's trainer ran at {m['magenta_steps_per_sec']:.3f} steps/s (its own step counter), this "
           f"app's at {ours.steps_per_sec:.3f} steps/s including its held-out evaluations, both on the "
           "same shared 2-core CPU (the two runs are timed separately, each under the other jobs of its day)." if m.get("magenta_steps_per_sec") else ""),
    ]
    if earlier and shipped_run.resolve() == compared_run.resolve():
        lines += ["", f"Magenta's trainer, slower here (above), was stopped at step {steps} to fit the session; the "
                      "shipped bundle is this app's run at its last step."]
    elif shipped_run.resolve() != compared_run.resolve():
        lines += ["", "This checks the trainer, not the shipped weights: the shipped bundle comes from a longer run of "
                      "the same trainer (see \"Choice of hparams\"). Magenta's trainer, slower here (above), could not "
                      "repeat that longer run within a session."]
    return "\n".join(lines)


def _held_out_sequences(config_id: str) -> list:
    """The extracted held-out sequences (lead sheets: (melody, chord per step) pairs), before any encoding."""
    from composer_app.models.training.corpus import CorpusCache, read_corpus
    from composer_app.models.training.data import held_out_split

    config = get_config(config_id)
    sources, _ = sources_for(config_id)
    results = [r for r in read_corpus(sources, config, cache=CorpusCache()) if r.sequences and not r.error]
    return [s for r, sp in zip(results, held_out_split(results, 0.1)) if sp == "eval" for s in r.sequences]


def _held_out_events(config_id: str) -> list:
    """Held-out events after the config's squash/transposition (a lead sheet: its melody)."""
    config = get_config(config_id)
    return [model_events(s[0] if config.needs_chords else s, config) for s in _held_out_sequences(config_id)]


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
