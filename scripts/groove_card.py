"""The GrooVAE parts of a shipped MusicVAE card: held-out performances grooved by the CLI beside the performances
and the model's input, the held-out timing and velocity errors against the input taken as the output, the data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_corpora import DRUM_DATA  # noqa: E402
from vae_card_stats import groove_stats  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def groove_command(config_id: str, seed: int) -> list[str]:
    return ["composer-app", "vae", "groove", f"--config={config_id}", f"--seed={seed}"]


def groove_samples(config_id: str, tar: Path, run: Path, count: int, seed: int) -> list[tuple[str, dict]]:
    """`count` held-out performances spread over the validation split, each written as MIDI and grooved by the
    CLI; the statistics of what it made, of the performances, and of the model's input (the input as output)."""
    from composer_app.models.training.vae.groove_metrics import baseline_output, flat_velocity
    from composer_app.models.training.vae.groove_windows import GrooveWindowSet
    from composer_app.models.training.vae.spec import training_config
    from composer_app.music.io import read_song, write_song

    converter = training_config(config_id).converter()
    with np.load(run / "windows.npz", allow_pickle=False) as saved:
        performed = saved["eval_targets"]
        flat = flat_velocity(saved["train_targets"])
    performed = performed[np.linspace(0, len(performed) - 1, count).astype(int)]
    samples = run / "samples"
    samples.mkdir(parents=True, exist_ok=True)
    grooved = []
    for k, window in enumerate(performed):
        source, made = samples / f"performed_{k:02d}.mid", samples / f"grooved_{k:02d}.mid"
        write_song(converter.to_song(window), source)
        command = groove_command(config_id, seed)
        subprocess.run([str(ROOT / ".venv" / "bin" / command[0]), *command[1:], str(tar), str(source), str(made)],
                       check=True, capture_output=True)
        grooved.append(converter.grid(read_song(made)))
    inputs = baseline_output(GrooveWindowSet(performed, np.zeros(len(performed)), converter).encoder_inputs(
        performed.astype(np.float32)), flat)

    def grids(tensors):
        return [np.split(t, 3, axis=1) for t in tensors]

    return [("grooved by the model", groove_stats([g[:3] for g in grooved])),
            ("performances", groove_stats(grids(performed))), ("model's input", groove_stats(grids(inputs)))]


def groove_errors_table(report: dict, language: str) -> str:
    """The held-out timing and velocity errors of the model and of its input taken as the output."""
    heads = (("", "timing error (ms)", "velocity error (MIDI)", "hit precision", "hit recall"),
             ("", "タイミングの誤差（ms）", "ベロシティの誤差（MIDI）", "打音の適合率", "打音の再現率"))[language == "ja"]
    names = {"model": ("the model", "モデル"), "baseline": ("its input as the output", "入力をそのまま出力")}
    rows = ["| " + " | ".join(heads) + " |", "|---" * len(heads) + "|"]
    for key in ("model", "baseline"):
        f = report[key]
        cells = [names[key][language == "ja"]] + [
            "-" if f[name] is None else f"{f[name]:.{digits}f}"
            for name, digits in (("timing_error_ms", 1), ("velocity_error", 1), ("hit_precision", 3),
                                 ("hit_recall", 3))]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def groove_data(result: dict, counts: str, language: str) -> str:
    """The data section of a GrooVAE card: TFDS's windows (Magenta's data), or the app's whole-performance ones."""
    if result.get("groove_windowing", "tfds") == "tfds":
        if language == "ja":
            return ("Groove MIDI Dataset（Gillick ほか 2019、CC BY 4.0、https://magenta.tensorflow.org/datasets/groove）。"
                    "Magenta が GrooVAE を学習したデータと同じく、TensorFlow Datasets の groove/2bar-midionly が切り出す 2 小節"
                    "のウィンドウ（このアプリが同じ計算で切り出し、Magenta のものとビット単位で一致）。train で学習し、validation "
                    "を評価用にし、test は使っていません。\n\n" + counts)
        return (f"{DRUM_DATA}: the 2-bar windows TensorFlow Datasets' groove/2bar-midionly cuts, the data Magenta "
                "trained GrooVAE on (cut here by the same computation, equal to Magenta's bit for bit); training on the "
                "train split, held out the validation split, the test split left unseen.\n\n" + counts)
    if language == "ja":
        return ("Groove MIDI Dataset（Gillick ほか 2019、CC BY 4.0、https://magenta.tensorflow.org/datasets/groove）。"
                "train で学習し、validation を評価用にし、test は使っていません。ウィンドウは Magenta のデータ（TensorFlow "
                "Datasets の groove/2bar-midionly）と同じく 1 小節ずつずらした 2 小節ですが、演奏全体から切り出しています。"
                "TFDS は小節線の時刻で切るため、ドラマーが少し早めに叩いた小節頭の音がどのウィンドウからも落ち、最初のステップに"
                "打音があるウィンドウは 46% しかありません（2 小節目の頭では 97%）。このため Magenta の切り方で学習したモデルは"
                "小節頭の打音を落としたり弱くしたりします。このアプリの切り方ではその音が最初のステップに早めの打音として入り"
                "（97%）、アプリがグルーヴをかけるときの切り方とも一致します。それ以外のステップは TFDS のものと同じです"
                "（`tests/models/training/vae/test_groove_windows.py`）。\n\n" + counts)
    return (f"{DRUM_DATA}, its train split for training, its validation split held out, its test split left unseen. "
            "The windows are Magenta's shape (2 bars, a bar apart, as TensorFlow Datasets' groove/2bar-midionly), "
            "but cut from the whole performance. TFDS cuts at the bar line's time, so a downbeat the drummer plays "
            "a little early falls out of every window: only 46% of its windows have a hit on their first step, "
            "against 97% on the second bar's first step, and a model trained on them drops or softens the "
            "downbeat. Cut from the whole performance, that hit is the window's first step, played early (97%), "
            "which is also how the app cuts a part it grooves; every other step is TFDS's "
            "(`tests/models/training/vae/test_groove_windows.py`).\n\n" + counts)
