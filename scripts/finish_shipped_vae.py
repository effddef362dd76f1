"""Ship a MusicVAE run: copy its .tar into composer_app/resources/musicvae/, sample it with the CLI, and write its
model card (data, training, held-out figures, the sanity curve, the Magenta twin where one was trained, sample
statistics against the held-out windows).

Usage: finish_shipped_vae.py CONFIG [RUN]. Reads the run folder RUNS/CONFIG, or RUNS/RUN (train_shipped_vae's
--run-name): result.json and metrics.jsonl from train_shipped_vae.py, windows.npz, and notes.md and observations.md
(written by hand: why these hparams, what the samples look like) with their Japanese notes.ja.md and
observations.ja.md when present; and RUNS/magenta_CONFIG/evaluation-*.json (magenta_vae_compare.py evaluate).
Writes CONFIG.md and CONFIG.ja.md beside the .tar.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from groove_card import groove_command, groove_data, groove_errors_table, groove_samples  # noqa: E402
from shipped_corpora import DRUM_DATA  # noqa: E402
from shipped_data import RUNS, describe_melody_sources, load_frozen  # noqa: E402
from vae_card_stats import JA_STATS, STATS, columns_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "composer_app" / "resources" / "musicvae"
SAMPLES, SEED, TEMPERATURE = 20, 1, 0.5


def sample_command(config_id: str, out: Path) -> list[str]:
    return ["music_vae_generate", f"--config={config_id}", "--mode=sample",
            f"--num_outputs={SAMPLES}", f"--temperature={TEMPERATURE}", f"--seed={SEED}", f"--output_dir={out}"]


def twin_section(config_id: str) -> str | None:
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
    export = json.loads((found[-1].parent / "export.json").read_text())
    kept = (f" Magenta's own converter, run on those NoteSequences, gives back {export['same_window']} of the "
            f"{export['windows']} windows unchanged, {export['other_window']} as a shifted window and drops "
            f"{export['no_window']} (a window that starts with a rest: Magenta's melody extraction starts at the "
            "first note).")
    rate = last["magenta"].get("steps_per_sec")
    return ("Magenta 2.1.4's own `music_vae_train` (`tools/magenta_vae_twin.py`, run by "
            "`scripts/magenta_vae_compare.py`) trained on exactly this run's training windows, written as one "
            "NoteSequence per window (its note_sequence_augmenter off, because the windows were transposed once "
            "already when this app read them), with the same hparams and batch size, for the steps below."
            + kept + " Both "
            "checkpoints were scored by this app's held-out evaluation on the same held-out windows with the same "
            "seed (z drawn from q(z|x)).\n\n" + "\n".join(rows)
            + (f"\n\nMagenta's trainer ran at {rate:.2f} steps/s on this machine." if rate else ""))


def main(config_id: str, run_name: str | None = None) -> int:
    from composer_app.models.training.vae.spec import training_config
    from composer_app.music.io import read_song

    run = RUNS / (run_name or config_id)
    result = json.loads((run / "result.json").read_text())
    SHIPPED.mkdir(parents=True, exist_ok=True)
    shipped = SHIPPED / f"{config_id}.tar"
    shutil.copyfile(result["output"], shipped)
    kind = training_config(config_id).kind
    shutil.rmtree(run / "samples", ignore_errors=True)
    if kind == "groove":
        columns = groove_samples(config_id, shipped, run, SAMPLES, SEED)
        shown_command = f"`{' '.join(groove_command(config_id, SEED))} {shipped.name} PERFORMANCE.mid OUT.mid`"
        samples_en = (f"{SAMPLES} held-out performances, spread over the validation split, each grooved with "
                      f"{shown_command}: statistics of what the model made, of the performances, and of the model's "
                      "input (for humanize: the hits on the grid at one velocity):\n\n" + columns_table(columns))
        samples_ja = (f"評価用の演奏 {SAMPLES} 個（validation 全体から等間隔に選んだもの）を、それぞれ {shown_command} "
                      "でグルーヴさせました。モデルが作ったもの、演奏、モデルへの入力（humanize ではグリッド上の打音を一つの"
                      "ベロシティで）の統計量：\n\n" + columns_table(columns, JA_STATS))
    else:
        command = sample_command(config_id, run / "samples")
        subprocess.run([str(ROOT / ".venv" / "bin" / command[0]), *command[1:], f"--checkpoint_file={shipped}"],
                       check=True)
        converter = training_config(config_id).converter()
        stats = STATS[kind] if kind != "melody" else lambda songs: STATS[kind](songs, converter.slice_steps)
        ours = stats([read_song(p) for p in sorted((run / "samples").glob("*.mid"))])
        with np.load(run / "windows.npz", allow_pickle=False) as saved:
            held = stats([converter.to_song(row) for row in saved["eval"]])
        columns = [("samples", ours), ("held-out windows", held)]
        shown_command = f"`{' '.join(command[:-1])} --output_dir=OUT`"
        samples_en = (f"{shown_command} (the shipped checkpoint is the default). Statistics of the samples against "
                      "the held-out windows:\n\n" + columns_table(columns))
        samples_ja = (f"{shown_command}（同梱のチェックポイントが既定です）。サンプルの統計量を評価用のウィンドウと比べます："
                      "\n\n" + columns_table(columns, JA_STATS))
    (run / "sample_stats.json").write_text(json.dumps(dict(columns), indent=1))
    groove = result.get("groove")
    h = result["held_out"]
    hp = json.loads((run / "run.json").read_text())["hparams"]
    shown = ", ".join(f"{k}={v}" for k, v in hp.items())
    metrics = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    curve = "\n".join(f"| {m['step']} | {m['accuracy']:.4f} | {m['kl_bits']:.2f} |" for m in metrics
                      if m.get("held_out"))
    counts = (f"- Files read: {result['files']} ({result['unreadable']} unreadable, skipped)\n"
              f"- Split by source file: {result['train_files']} files for training, {result['eval_files']} held out\n"
              f"- Windows: {result['train_windows']} for training, {result['eval_windows']} held out")
    start = result.get("init_from")
    reproduce = [f"`.venv/bin/python scripts/train_shipped_vae.py --config {config_id} --steps {result['steps']} "
                 f"--hparams \"{result['hparams']}\""
                 + (" --all-windows" if result.get("windows_per_song", 5) is None else "")
                 + (f" --init-from {Path(start).name}`" if start else "`"),
                 f"`scripts/finish_shipped_vae.py {config_id}`",
                 f"`composer-app train --config {config_id} --input DIR --output my.tar`"]
    en = [
        ("Data", data_en(kind, result, counts)),
        ("Training", f"- Trainer: this app's (`composer-app train`), Magenta's loss: reconstruction + beta x KL with "
         "free bits, beta annealed where the config's beta_rate sets it, learning-rate decay, scheduled sampling as the config sets\n"
         f"- hparams: {shown}\n- Steps: {result['steps']}\n" + started_line(start, "en")
         + f"- Wall time: {wall_time(result, 'en')}"),
        ("Held-out figures (measured)", f"- Reconstruction accuracy: {h['accuracy']:.4f} (per 16th step, the "
         "decoder fed the true previous step, z drawn from q(z|x))\n"
         f"- Reconstruction loss: {h['r_loss']:.3f} nats per window\n- KL: {h['kl_bits']:.2f} bits per window\n"
         f"- ELBO: {h['elbo']:.3f} nats per window"
         + ("" if not groove else f"\n\nGrooving all {groove['windows']} held-out windows (z = mu, hits at temperature "
            "0) against the performances, over the hits both have, beside the model's input taken as its output "
            f"(velocity {groove['baseline_velocity']:.0f} where the input has none):\n\n"
            + groove_errors_table(groove, "en"))),
        ("Choice of hparams", _read(run / "notes.md")),
        ("Sanity curve (held-out, measured)", "| step | reconstruction accuracy | KL (bits) |\n|---|---|---|\n" + curve),
        ("Comparison with Magenta's own trainer (measured)", twin_section(config_id)),
        ("Samples (generated by the CLI)", samples_en),
        ("Looking at the samples", _read(run / "observations.md")),
        ("Using it in Magenta", in_magenta(config_id, shipped, "en")),
        ("Reproduce", f"{reproduce[0]} then {reproduce[1]} (with the shared datasets beside the project). Users "
         f"train their own with {reproduce[2]}."),
    ]
    ja = [
        ("データ", data_ja(kind, result)),
        ("学習", "- 学習プログラム：このアプリのもの（`composer-app train`）。損失は Magenta と同じ（再構成 + β×KL、free bits、"
         "config の beta_rate による β のアニーリング、学習率の減衰、config が使う scheduled sampling）\n"
         f"- hparams: {shown}\n- ステップ数：{result['steps']}\n" + started_line(start, "ja")
         + f"- 実時間：{wall_time(result, 'ja')}"),
        ("評価用データでの成績（実測）", f"- 再構成の正解率：{h['accuracy']:.4f}（16 分音符のステップごと。デコーダーには正しい"
         f"一つ前のステップを与え、z は q(z|x) から抽出）\n- 再構成損失：ウィンドウあたり {h['r_loss']:.3f} nats\n"
         f"- KL：ウィンドウあたり {h['kl_bits']:.2f} ビット\n- ELBO：ウィンドウあたり {h['elbo']:.3f} nats"
         + ("" if not groove else f"\n\n評価用のウィンドウ {groove['windows']} 個すべてをグルーヴさせ（z = mu、打音は温度 0）、"
            "演奏と比べました（両方にある打音について）。モデルへの入力をそのまま出力としたもの（入力にベロシティがなければ "
            f"{groove['baseline_velocity']:.0f}）と並べます：\n\n" + groove_errors_table(groove, "ja"))),
        ("hparams の選択", _read(run / "notes.ja.md")),
        ("確認用の学習曲線（評価用データ、実測）", "| ステップ | 再構成の正解率 | KL（ビット） |\n|---|---|---|\n" + curve),
        ("Magenta 自身の学習プログラムとの比較（実測）", _twin_ja(twin_section(config_id))),
        ("サンプル（CLI で生成）", samples_ja),
        ("サンプルを見る", _read(run / "observations.ja.md")),
        ("Magenta で使う", in_magenta(config_id, shipped, "ja")),
        ("再現方法", f"{reproduce[0]} を実行し、続けて {reproduce[1]} を実行します（共有データセットをプロジェクトの隣に"
         f"置いた状態で）。自分のモデルを学習するには {reproduce[2]} を使います。"),
    ]
    title = f"# {config_id} (MusicVAE, trained by this app)\n\n"
    for suffix, sections in ((".md", en), (".ja.md", ja)):
        text = title + "\n\n".join(f"## {head}\n{body}" for head, body in sections if body) + "\n"
        shipped.with_name(config_id + suffix).write_text(text, encoding="utf-8")
    print(shipped.with_suffix(".md").read_text())
    return 0


def started_line(start: str | None, language: str) -> str:
    """The line saying which checkpoint's weights the run started from ("" for fresh weights)."""
    if not start:
        return ""
    from composer_app.models.musicvae.inspect import describe_checkpoint

    name, config = Path(start).name, describe_checkpoint(start)["config"]
    found = re.search(r"ckpt-(\d+)", name)  # Magenta's and TF's checkpoint names end in the global step
    if language == "ja":
        at = f"の {found.group(1)} ステップ目" if found else ""
        return (f"- 初期値：新しい乱数の重みではなく、このアプリで学習した {config} {at}のチェックポイント（`{name}`）の"
                "重みから始めました（下の「hparams の選択」を参照）\n")
    at = f" at step {found.group(1)}" if found else ""
    return (f"- Started from: the weights of this app's {config} run{at} (`{name}`), not fresh weights (see the "
            "choice of hparams below)\n")


def wall_time(result: dict, language: str) -> str:
    """The training time measured by train_shipped_vae.py, plus the steps of a run it did not time ("untimed":
    {"steps", "seconds_per_step"}: steps run by `composer-app train`, at the rate measured for them), said as an
    estimate."""
    measured = result["wall_time_s"] / 60
    untimed = result.get("untimed")
    if language == "ja":
        text = f"このマシン（2 CPU コア、x86_64、TensorFlow のスレッド一つ）で学習に {measured:.1f} 分"
        if untimed:
            text += (f"、それに加えて計時していない最初の {untimed['steps']} ステップが約 "
                     f"{untimed['steps'] * untimed['seconds_per_step'] / 60:.0f} 分（1 ステップ "
                     f"{untimed['seconds_per_step']:g} 秒としての見積もり。どう学習したかは下の「hparams の選択」を参照）")
        return text + "（その前にコーパスを一度読む時間は含みません）"
    text = f"{measured:.1f} min of training on this machine (2 CPU cores, x86_64, one TensorFlow thread)"
    if untimed:
        text += (f", plus about {untimed['steps'] * untimed['seconds_per_step'] / 60:.0f} min for the first "
                 f"{untimed['steps']} steps, which were not timed (estimated at {untimed['seconds_per_step']:g} s a "
                 "step; the choice of hparams below says how they ran)")
    return text + "; reading the corpus once before it is not counted"


def data_en(kind: str, result: dict, counts: str) -> str:
    """The card's data section: which files, how they were split, which windows were taken."""
    if kind == "groove":
        return groove_data(result, counts, "en")
    if kind == "drums":
        every = result.get("windows_per_song", 5) is None
        return (f"{DRUM_DATA} (`scripts/shipped_corpora.py` drum_sources): training on its train split, held out "
                "its validation split, its test split left unseen.\n\n" + counts + " (2 bars of 16ths: each "
                "performance quantized to 16ths and mapped to Magenta's 9 drum classes, as its DrumsConverter does; "
                + ("every distinct window of each performance, hop one bar: Magenta's 5 windows a file would keep "
                   "only about one window in eight of Groove's long performances" if every else
                   "at most 5 distinct windows a file, as Magenta") + ")")
    bars, transpose, every, programs = melody_windowing(result)
    shifted = (f"each song transposed once by {transpose[0]:+d}..{transpose[1]:+d} semitones, " if transpose
               else "no transposition (Magenta's config has none), ")
    taken = ("every distinct window of a song, hop one bar (Magenta draws 5 at random each epoch, so over a long run "
             "it too sees them all); held-out songs" if every else
             "at most 5 distinct windows a song; held-out songs" + (" untransposed," if transpose else ""))
    parts = ("else of its parts of programs 0-31 as Magenta's training reads" if programs else
             "else of any of its parts, as Magenta's 16-bar converter reads (no program filter)")
    return (describe_melody_sources(load_frozen()) + "\n\n" + counts + f" ({bars} bars of 16ths; the melody of a "
            f"file listed with its first part, {parts}; " + shifted + taken + (" all their windows)" if every else " their first 5 windows)"))


def melody_windowing(result: dict) -> tuple[int, tuple[int, int] | None, bool, bool]:
    """A melody run's window length in bars, its transposition range (None: none), whether it took every window and
    whether it read only the melodic programs."""
    from composer_app.models.training.vae.spec import TRANSPOSE_RANGE, VALID_PROGRAMS, training_config

    config_id = result["config_id"]
    bars = training_config(config_id).converter().slice_bars
    return (bars, TRANSPOSE_RANGE.get(config_id), result.get("windows_per_song", 5) is None,
            config_id in VALID_PROGRAMS)


def data_ja(kind: str, result: dict) -> str:
    """The Japanese data section: the same facts as data_en."""
    counts = (f"- 読み込んだファイル：{result['files']}（読めずにスキップしたもの {result['unreadable']}）\n"
              f"- 元ファイル単位の分割：学習用 {result['train_files']} ファイル、評価用 {result['eval_files']} ファイル\n"
              f"- ウィンドウ：学習用 {result['train_windows']}、評価用 {result['eval_windows']}")
    if kind == "groove":
        return groove_data(result, counts, "ja")
    if kind == "drums":
        every = result.get("windows_per_song", 5) is None
        return ("Groove MIDI Dataset（Gillick ほか 2019、CC BY 4.0、https://magenta.tensorflow.org/datasets/groove）。"
                "データセット自身の分割を使い、train で学習し、validation を評価用にし、test は使っていません。\n\n"
                + counts + "（16 分音符で 2 小節。Magenta の DrumsConverter と同じく、各演奏を 16 分音符に量子化して "
                "Magenta の 9 種類の打楽器に振り分けます。"
                + ("各演奏から、1 小節ずつずらした異なるウィンドウをすべて取りました。Magenta のように 1 ファイル 5 個までに"
                   "すると、Groove の長い演奏からはウィンドウの約 8 分の 1 しか残りません" if every else
                   "Magenta と同じく 1 ファイルから異なるウィンドウを最大 5 個") + "）")
    return ("英語のカードと同じ 6 つのコレクション（OpenScore Lieder の声楽パート CC0 1.0、OpenEWLD、music21 "
            "コーパスのバッハのコラールのソプラノ声部、O'Neill's、Ryan's Mammoth、Aird's Airs。いずれもパブリックドメインか "
            "CC0）のすべてのファイル（`scripts/data/melody_sources.json`）。分割：各ファイルの内容のハッシュで約 10% を評価用に"
            "回します。\n\n" + counts + melody_windowing_ja(result))


def melody_windowing_ja(result: dict) -> str:
    """The Japanese words for melody_windowing."""
    bars, transpose, every, programs = melody_windowing(result)
    shifted = (f"曲ごとに一度 {transpose[0]:+d}〜{transpose[1]:+d} 半音の移調、" if transpose
               else "移調なし（Magenta の config にもありません）、")
    taken = ("一曲から 1 小節ずつずらした異なるウィンドウをすべて（Magenta はエポックごとに 5 個を無作為に選ぶので、長い学習では"
             "やはりすべてを見ます）。評価用の曲もすべてのウィンドウ" if every else
             "一曲から異なるウィンドウを最大 5 個。評価用の曲は" + ("移調せず" if transpose else "") + "最初の 5 個")
    parts = ("ほかは Magenta の学習と同じくプログラム 0〜31 のパートのメロディ" if programs else
             "ほかは Magenta の 16 小節のコンバーターと同じくどのパートのメロディでも（プログラムで選びません）")
    return f"（16 分音符で {bars} 小節。最初のパートと指定したファイルはそのパート、{parts}。" + shifted + taken + "）"


def in_magenta(config_id: str, tar: Path, language: str) -> str:
    """How Magenta 2.1.4 opens the checkpoint: music_vae_generate at the config's own sizes, else its Python API with
    the sizes as hparams (tests/models/musicvae/test_shipped_in_magenta.py runs both)."""
    from composer_app.models.musicvae.inspect import describe_checkpoint
    from composer_app.models.training.vae.spec import size_overrides

    sizes = describe_checkpoint(tar)
    overrides = size_overrides(config_id, sizes["z_size"], sizes["encoder_sizes"], sizes["decoder_sizes"])
    if not overrides:
        command = (f"`music_vae_generate --config={config_id} --checkpoint_file={tar.name} --mode=sample "
                   "--num_outputs=4 --output_dir=OUT`")
        return (f"It is a Magenta checkpoint of {config_id} at the config's own sizes: {command} (checked with "
                "Magenta 2.1.4)." if language == "en" else
                f"config そのままの大きさの {config_id} の Magenta チェックポイントです：{command}（Magenta 2.1.4 で確認）。")
    code = ("```python\nfrom magenta.models.music_vae import configs\n"
            "from magenta.models.music_vae.trained_model import TrainedModel\n"
            f"config = configs.CONFIG_MAP['{config_id}']\nconfig.hparams.parse('{overrides}')\n"
            f"model = TrainedModel(config, batch_size=4, checkpoint_dir_or_path='{tar.name}')\n"
            "sequences = model.sample(n=4, length=config.hparams.max_seq_len, temperature=0.5)\n```")
    return (f"Its sizes are not the config's own ({overrides}), and Magenta's `music_vae_generate` takes no "
            "`--hparams`, so it opens through Magenta's Python API (checked with Magenta 2.1.4):\n\n" + code
            if language == "en" else
            f"大きさが config そのものと違い（{overrides}）、Magenta の `music_vae_generate` には `--hparams` がないため、"
            "Magenta の Python API で開きます（Magenta 2.1.4 で確認）：\n\n" + code)


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def _twin_ja(english: str | None) -> str | None:
    """The twin table with Japanese headings; the figures are the English card's."""
    if english is None:
        return None
    table = english[english.index("| steps"):]
    for en, ja in (("| steps | trainer | held-out reconstruction accuracy | reconstruction loss (nats) | KL (bits) | "
                    "ELBO (nats) |", "| ステップ | 学習プログラム | 評価用データでの再構成の正解率 | 再構成損失 (nats) | "
                    "KL（ビット） | ELBO (nats) |"), ("Magenta's music_vae_train", "Magenta の music_vae_train"),
                   ("this app's trainer", "このアプリの学習プログラム")):
        table = table.replace(en, ja)
    table = re.sub(r"Magenta's trainer ran at ([\d.]+) steps/s on this machine\.",
                   r"Magenta の学習プログラムはこのマシンで \1 ステップ/秒でした。", table)
    counts = re.search(r"gives back (\d+) of the (\d+) windows unchanged, (\d+) as a shifted window and drops (\d+)",
                       english).groups()
    kept = (f"Magenta 自身のコンバーターはこの NoteSequence から、{counts[1]} 個のウィンドウのうち {counts[0]} 個を"
            f"そのまま取り出し、{counts[2]} 個をずれたウィンドウとして取り出し、{counts[3]} 個を落とします（休符で始まる"
            "ウィンドウ。Magenta のメロディ抽出は最初の音から始まるため）。")
    return ("Magenta 2.1.4 自身の `music_vae_train`（`tools/magenta_vae_twin.py`、`scripts/magenta_vae_compare.py` "
            "から実行）に、この学習とまったく同じ学習用ウィンドウを一つずつ NoteSequence にして与え（ウィンドウはこのアプリが"
            "読んだときに一度移調済みなので note_sequence_augmenter は外しました）、同じ hparams とバッチの大きさで下の"
            "ステップ数だけ学習させました。" + kept + "どちらのチェックポイントも、このアプリの評価で同じ評価用ウィンドウ、同じシードで"
            "採点しています（z は q(z|x) から抽出）。\n\n" + table)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
