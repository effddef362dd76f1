"""Ship a MusicVAE run: copy its .tar into composer_app/resources/musicvae/, sample it with the CLI, and write its
model card (data, training, held-out figures, the sanity curve, the Magenta twin where one was trained, sample
statistics against the held-out windows).

Usage: finish_shipped_vae.py CONFIG. Reads RUNS/CONFIG (result.json and metrics.jsonl from train_shipped_vae.py,
windows.npz), RUNS/magenta_CONFIG/evaluation-*.json (magenta_vae_compare.py evaluate), and RUNS/CONFIG/notes.md and
observations.md (written by hand: why these hparams, what the samples look like) when present.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_data import RUNS, describe_melody_sources, load_frozen  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "composer_app" / "resources" / "musicvae"
C_MAJOR = {0, 2, 4, 5, 7, 9, 11}
SAMPLES, SEED, TEMPERATURE = 20, 1, 0.5


def sample_command(config_id: str, out: Path) -> list[str]:
    return ["music_vae_generate", f"--config={config_id}", "--mode=sample",
            f"--num_outputs={SAMPLES}", f"--temperature={TEMPERATURE}", f"--seed={SEED}", f"--output_dir={out}"]


def melody_stats(songs) -> dict:
    """Per 2-bar clip: notes, pitch range, key fit, note lengths (16th steps) and silence."""
    notes_per_clip, in_key, total, lengths, silent, low, high = [], 0, 0, [], [], [], []
    from composer_app.music.song import ticks_per_step

    tps = ticks_per_step(4)
    for song in songs:
        notes = [n for t in song.tracks for n in t.notes]
        notes_per_clip.append(len(notes))
        if not notes:
            silent.append(1.0)
            continue
        pitches = [n.pitch for n in notes]
        classes = Counter(p % 12 for p in pitches)
        key = max(range(12), key=lambda k: sum(c for pc, c in classes.items() if (pc - k) % 12 in C_MAJOR))
        in_key += sum((p - key) % 12 in C_MAJOR for p in pitches)
        total += len(pitches)
        lengths += [n.duration / tps for n in notes]
        sounding = np.zeros(32, bool)
        for n in notes:
            sounding[n.start // tps: (n.start + n.duration) // tps] = True
        silent.append(1.0 - sounding.mean())
        low.append(min(pitches))
        high.append(max(pitches))
    return {"clips": len(notes_per_clip), "notes per clip (mean)": float(np.mean(notes_per_clip)),
            "fraction of notes in key (best-fitting major key per clip)": in_key / max(total, 1),
            "median note length (16ths)": float(np.median(lengths)) if lengths else 0.0,
            "fraction of the time silent": float(np.mean(silent)),
            "lowest pitch (median over clips, MIDI)": float(np.median(low)) if low else 0.0,
            "highest pitch (median over clips, MIDI)": float(np.median(high)) if high else 0.0,
            "distinct pitches per clip (mean)": float(np.mean([len({n.pitch for t in s.tracks for n in t.notes})
                                                               for s in songs]))}


def stats_table(ours: dict, held: dict) -> str:
    rows = ["| statistic | samples | held-out windows |", "|---|---|---|"]
    for key in ours:
        fmt = "{:.0f}" if key == "clips" else "{:.3f}" if "fraction" in key else "{:.2f}"
        rows.append(f"| {key} | {fmt.format(ours[key])} | {fmt.format(held[key])} |")
    return "\n".join(rows)


def twin_section(config_id: str, result: dict) -> str | None:
    found = sorted((RUNS / f"magenta_{config_id}").glob("evaluation-*.json"),
                   key=lambda p: int(p.stem.split("-")[1]))
    if not found:
        return None
    rows = ["| steps | trainer | held-out reconstruction accuracy | reconstruction loss (nats) | KL (bits) |"
            " ELBO (nats) |", "|---|---|---|---|---|---|"]
    for path in found:
        e = json.loads(path.read_text())
        m, o = e["magenta"], e["ours"]
        rows.append(f"| {e['steps']} | Magenta's music_vae_train | {m['accuracy']:.4f} | {m['r_loss']:.3f} | "
                    f"{m['kl_bits']:.2f} | {m['elbo']:.3f} |")
        if o:
            elbo = -(o["r_loss"] + o["kl_bits"] * np.log(2.0))
            rows.append(f"| {e['steps']} | this app's trainer | {o['accuracy']:.4f} | {o['r_loss']:.3f} | "
                        f"{o['kl_bits']:.2f} | {elbo:.3f} |")
    last = json.loads(found[-1].read_text())
    rate = last["magenta"].get("steps_per_sec")
    return ("Magenta 2.1.4's own `music_vae_train` (`tools/magenta_vae_twin.py`, run by "
            "`scripts/magenta_vae_compare.py`) trained on exactly this run's training windows, written as one "
            "NoteSequence per window (its note_sequence_augmenter off, because the windows were transposed once "
            "already when this app read them), with the same hparams and batch size, for the steps below. Both "
            "checkpoints were scored by this app's held-out evaluation on the same held-out windows with the same "
            "seed (z drawn from q(z|x)).\n\n" + "\n".join(rows)
            + (f"\n\nMagenta's trainer ran at {rate:.2f} steps/s on this machine." if rate else ""))


def main(config_id: str) -> int:
    from composer_app.models.training.vae.spec import training_config
    from composer_app.music.io import read_song

    run = RUNS / config_id
    result = json.loads((run / "result.json").read_text())
    SHIPPED.mkdir(parents=True, exist_ok=True)
    shipped = SHIPPED / f"{config_id}.tar"
    shutil.copyfile(result["output"], shipped)
    samples = run / "samples"
    shutil.rmtree(samples, ignore_errors=True)
    command = sample_command(config_id, samples)
    subprocess.run([str(ROOT / ".venv" / "bin" / command[0]), *command[1:], f"--checkpoint_file={shipped}"],
                   check=True)
    ours = melody_stats([read_song(p) for p in sorted(samples.glob("*.mid"))])
    converter = training_config(config_id).converter()
    with np.load(run / "windows.npz", allow_pickle=False) as saved:
        held = melody_stats([converter.to_song(row) for row in saved["eval"]])
    (run / "sample_stats.json").write_text(json.dumps({"samples": ours, "held_out": held}, indent=1))
    h = result["held_out"]
    hp = json.loads((run / "run.json").read_text())["hparams"]
    shown = ", ".join(f"{k}={v}" for k, v in hp.items())
    metrics = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    curve = [m for m in metrics if m.get("held_out")]
    sections = [
        ("Data", describe_melody_sources(load_frozen()) + "\n\n"
         f"- Files read: {result['files']} ({result['unreadable']} unreadable, skipped)\n"
         f"- Split by source file: {result['train_files']} files for training, {result['eval_files']} held out\n"
         f"- Windows: {result['train_windows']} for training, {result['eval_windows']} held out (2 bars of 16ths; as "
         "Magenta's training: melodies of programs 0-31, each song transposed once by -5..+5 semitones, at most 5 "
         "distinct windows a song; held-out songs untransposed, their first 5 windows)"),
        ("Training", f"- Trainer: this app's (`composer-app train`), Magenta's loss: reconstruction + beta x KL with "
         "free bits, beta annealed, learning-rate decay, scheduled sampling as the config sets\n"
         f"- hparams: {shown}\n- Steps: {result['steps']}\n"
         f"- Wall time: {result['wall_time_s'] / 60:.1f} min of training on this machine (2 CPU cores, x86_64, one "
         "TensorFlow thread; reading the corpus once before it is not counted)"),
        ("Held-out figures (measured)", f"- Reconstruction accuracy: {h['accuracy']:.4f} (per 16th step, the "
         "decoder fed the true previous step, z drawn from q(z|x))\n"
         f"- Reconstruction loss: {h['r_loss']:.3f} nats per window\n- KL: {h['kl_bits']:.2f} bits per window\n"
         f"- ELBO: {h['elbo']:.3f} nats per window"),
    ]
    if (run / "notes.md").exists():
        sections.append(("Choice of hparams", (run / "notes.md").read_text().strip()))
    sections.append(("Sanity curve (held-out, measured)", "| step | reconstruction accuracy | KL (bits) |\n|---|---|---|\n"
                     + "\n".join(f"| {m['step']} | {m['accuracy']:.4f} | {m['kl_bits']:.2f} |" for m in curve)))
    twin = twin_section(config_id, result)
    if twin:
        sections.append(("Comparison with Magenta's own trainer (measured)", twin))
    sections.append(("Samples (generated by the CLI)", f"`{' '.join(command[:-1])} --output_dir=OUT` "
                     "(the shipped checkpoint is the default). Statistics of the samples against the held-out "
                     "windows:\n\n" + stats_table(ours, held)))
    if (run / "observations.md").exists():
        sections.append(("Looking at the samples", (run / "observations.md").read_text().strip()))
    sections.append(("Reproduce", f"`.venv/bin/python scripts/train_shipped_vae.py --config {config_id} --steps "
                     f"{result['steps']} --hparams \"{result['hparams']}\"` then `scripts/finish_shipped_vae.py "
                     f"{config_id}` (with the shared datasets beside the project). Users train their own with "
                     f"`composer-app train --config {config_id} --input DIR --output my.tar`."))
    text = f"# {config_id} (MusicVAE, trained by this app)\n\n" + "\n\n".join(
        f"## {head}\n{body}" for head, body in sections) + "\n"
    shipped.with_suffix(".md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
