"""Write a shipped bundle's Japanese card (NAME.ja.md) from its English card: every figure, table and command is
carried over from the English card, the prose comes from scripts/card_ja_prose.py.

Usage: card_ja.py CONFIG. Run after scripts/finish_shipped_bundle.py CONFIG (which rewrites the English card).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from card_ja_prose import PROSE, STAT_NAMES  # noqa: E402

BUNDLES = Path(__file__).resolve().parents[1] / "composer_app" / "resources" / "bundles"
TRAINERS = {"polyphony": "polyphony_rnn_train", "performance": "performance_rnn_train"}


def _sections(en: str) -> dict[str, str]:
    out = {}
    for part in en.split("\n## ")[1:]:
        head, _, body = part.partition("\n")
        out[head] = body
    return out


def _line(prefix: str, text: str) -> str:
    return next(row for row in text.splitlines() if row.startswith(prefix))


def _figures(s: dict[str, str]) -> str:
    data, train, held = s["Data"], s["Training"], s["Held-out figures (measured)"]
    files = re.search(r"Files read: (\d+) \((\d+) unreadable, skipped\); pieces: (\d+)", data).groups()
    split = re.search(r"Split by source file: (\d+) files for training, (\d+) held out", data).groups()
    seqs = re.search(r"Training sequences: (\d+) \((\d+) steps\); held-out sequences: (\d+) \((\d+) steps\)",
                     data).groups()
    extraction = _line("- Extraction:", data).split(": ", 1)[1]
    steps = re.search(r"Steps: (\d+)", train).group(1)
    wall = re.search(r"Wall time: ([\d.]+) min on this machine \(2 CPU cores, x86_64\), ([\d.]+) steps/s",
                     train).groups()
    ppl = re.search(r"Perplexity: ([\d.]+)", held).group(1)
    acc = re.search(r"Accuracy: ([\d.]+)", held).group(1)
    ce = re.search(r"cross-entropy per step: ([\d.]+) over (\d+) steps", held).groups()
    last = re.search(r"Last training loss: ([\d.]+) \(perplexity ([\d.]+), accuracy ([\d.]+)\)", held).groups()
    return f"""
- 読み込んだファイル：{files[0]}（読めずにスキップしたもの {files[1]}）、曲数：{files[2]}
- 元ファイル単位の分割：学習用 {split[0]} ファイル、評価用 {split[1]} ファイル
- 学習用シーケンス：{seqs[0]}（{seqs[1]} ステップ）、評価用シーケンス：{seqs[2]}（{seqs[3]} ステップ）
- 抽出：{extraction}

## 学習
{_line("- hparams:", train)}
- ステップ数：{steps}
- 実時間：このマシン（2 CPU コア、x86_64）で {wall[0]} 分、評価を含めて {wall[1]} ステップ/秒

## 評価用データでの成績（実測）
- パープレキシティ：{ppl}
- 正解率：{acc}
- ステップあたりの平均交差エントロピー：{ce[0]}（{ce[1]} ステップの平均）
- 最後の学習損失：{last[0]}（パープレキシティ {last[1]}、正解率 {last[2]}）
"""


def _curve(s: dict[str, str]) -> str:
    curve = s["Sanity curve (held-out, measured)"]
    rows = [row for row in curve.splitlines() if re.match(r"\| \d", row)]
    classes = re.search(r"(\d+) classes", curve).group(1)
    if "Step 0 is the network this run continued from" in curve:
        zero = (f"ステップ 0 は、この学習が続きを始めたネットワークです（「hparams の選択」を参照）。学習前のモデルなら"
                f"クラスが {classes} 個あるので、パープレキシティは {classes} になります。")
    else:
        zero = (f"ステップ 0 は学習前のモデルです。クラスが {classes} 個あるので、どのクラスも等しい確率で予測すると"
                f"パープレキシティは {classes} になります。")
    return ("\n## 確認用の学習曲線（評価用データ、実測）\n| ステップ | パープレキシティ | 正解率 |\n|---|---|---|\n"
            + "\n".join(rows) + f"\n\n{zero}\n")


def _comparison(compare: str, trainer: str) -> str:
    hp_used = re.search(r"same hparams \((.*?)\) and the same (\d+) steps", compare).groups()
    table = [row for row in compare.splitlines() if row.startswith("| composer-app") or row.startswith("| Magenta")]
    ratio = re.search(r"Ratio \(ours / Magenta\): ([\d.]+) \((within 5% or better|NOT within 5%)\)", compare).groups()
    rates = re.search(r"ran at ([\d.]+) steps/s \(its own step counter\), this app's at ([\d.]+) steps/s", compare)
    verdict = "差は 5% 以内、またはこのアプリのほうが良い" if ratio[1].startswith("within") else "差は 5% を超える"
    longer = re.search(r"whose run went on to (\d+) steps", compare)
    went_on = (f"（このアプリの学習はその後 {longer[1]} ステップまで続けました。下の数値はステップ {hp_used[1]} で記録した"
               "評価用データの数値です）") if longer else ""
    ja = ("\n## Magenta 自身の学習プログラムとの比較（実測）\n"
          f"Magenta 2.1.4 の `{trainer}` に、同じエンコード済みの学習用シーケンスを SequenceExample の TFRecord "
          f"として与え、このアプリの学習プログラムと同じ hparams（{hp_used[0]}）、同じ {hp_used[1]} ステップで学習させました"
          f"{went_on}。そのチェックポイントを Magenta 自身の `--save_generator_bundle` でバンドルとして保存し、同じ評価用データを同じ"
          "コードで評価しました。\n\n| 学習プログラム | 評価用データのパープレキシティ | 評価用データの正解率 |\n|---|---|---|\n"
          + "\n".join(table) + f"\n\n比（このアプリ / Magenta）：{ratio[0]}（{verdict}）。")
    if rates:
        ja += (f"Magenta の学習プログラムは {rates[1]} ステップ/秒（自身のステップカウンタによる）、このアプリは評価用データでの"
               f"評価を含めて {rates[2]} ステップ/秒で、どちらも同じ共有の 2 コア CPU で動かしました。")
        if "timed separately" in compare:
            ja = ja[:-1] + "（二つの学習は別々に計ったもので、それぞれその日のほかの処理と同時に動いていました）。"
    stopped = re.search(r"was stopped at step (\d+) to fit the session", compare)
    if stopped:
        ja += (f"\n\nこのマシンでは遅い Magenta の学習プログラム（上記）は、セッションに収まるようステップ {stopped[1]} で止め"
               "ました。同梱のバンドルはこのアプリの学習の最後のステップのものです。")
    if "This checks the trainer, not the shipped weights" in compare:
        ja += ("\n\nこれは学習プログラムの確認で、同梱の重みの確認ではありません。同梱のバンドルは同じ学習プログラムでもっと長く"
               "学習したものです（「hparams の選択」を参照）。このマシンでは遅い Magenta の学習プログラム（上記）では、その長い"
               "学習を一つのセッションの中で繰り返せませんでした。")
    return ja + "\n"


def _samples(samples: str) -> str:
    command = re.search(r"`[^`]+`", samples).group(0)
    head = re.search(r"\| statistic \| samples \((\d+)\) \| held-out \((\d+)\) \|", samples).groups()
    rows = []
    for row in samples.splitlines():
        if row.startswith("| ") and not row.startswith("| statistic"):
            name, ours, held = [c.strip() for c in row.strip("|").split("|")]
            rows.append(f"| {STAT_NAMES.get(name, name.replace('pitch class', 'ピッチクラス'))} | {ours} | {held} |")
    return (f"\n## サンプル（CLI で生成）\nこのバンドルで {command} を実行しました。サンプルの統計量を評価用シーケンスと比べます："
            f"\n\n| 統計量 | サンプル ({head[0]}) | 評価用データ ({head[1]}) |\n|---|---|---|\n" + "\n".join(rows) + "\n")


def japanese_card(config_id: str) -> str:
    """The Japanese card of a shipped bundle, built from its English card and its prose entry."""
    from composer_app.models.rnn.configs import get_config

    en = (BUNDLES / f"{config_id}.md").read_text(encoding="utf-8")
    prose, s = PROSE[config_id], _sections(en)
    config = get_config(config_id)
    trainer = TRAINERS.get(config.family, "improv_rnn_train" if config.needs_chords else
                           "drums_rnn_train" if config.is_drums else "melody_rnn_train")
    ja = en.splitlines()[0] + "\n\n## データ\n" + prose["data"] + "\n" + _figures(s)
    ja += "\n## hparams の選択\n" + prose["choice"] + "\n" + _curve(s)
    compare = s.get("Comparison with Magenta's own trainer (measured)")
    if compare:
        ja += _comparison(compare, trainer)
    ja += _samples(s["Samples (generated by the CLI)"])
    if "Looking at the samples" in s:
        ja += "\n## サンプルを見る\n" + prose["looking"] + "\n"
    codes = re.findall(r"`[^`]+`", s["Reproduce"])
    earlier = 0  # a run continued from earlier runs' bundles: those runs come first, each writing its --output
    while "train_shipped_bundles.py" in codes[earlier] and "--output" in codes[earlier]:
        earlier += 1
    first, codes = "".join(f"{c} を実行し、次に " for c in codes[:earlier]), codes[earlier:]
    files = prose["files"].format(code=codes[2])
    ja += (f"\n## 再現方法\n{first}{codes[0]} を実行し、続けて {codes[1]} を実行します（共有データセットをプロジェクトの隣に置いた"
           f"状態で。{files}）。自分のバンドルを学習するには {codes[3]} を使います。\n")
    return ja


if __name__ == "__main__":
    config_id = sys.argv[1]
    (BUNDLES / f"{config_id}.ja.md").write_text(japanese_card(config_id), encoding="utf-8")
