"""The statistics a MusicVAE model card sets beside each other: the samples against the held-out windows, for
melody clips and for drum clips, with their Japanese names."""

from __future__ import annotations

from collections import Counter

import numpy as np

from composer_app.music.encodings.drums import DEFAULT_DRUM_TYPE_PITCHES
from composer_app.music.song import ticks_per_step

C_MAJOR = {0, 2, 4, 5, 7, 9, 11}
STEPS = 32  # a 2-bar clip in 16ths
DRUM_CLASS = {p: k for k, pitches in enumerate(DEFAULT_DRUM_TYPE_PITCHES) for p in pitches}
KICK, SNARE, CLOSED_HAT, OPEN_HAT = 0, 1, 2, 3
TOMS, CYMBALS = (4, 5, 6), (7, 8)


def melody_stats(songs, steps: int = STEPS) -> dict:
    """Per clip of `steps` 16ths (2 bars unless told): notes, pitch range, key fit, note lengths and silence."""
    notes_per_clip, in_key, total, lengths, silent, low, high = [], 0, 0, [], [], [], []
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
        sounding = np.zeros(steps, bool)
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


def drum_grid(song) -> np.ndarray:
    """The clip as a [32 steps, 9 drum classes] 0/1 grid (Magenta's 9-class drum map; other pitches left out)."""
    tps = ticks_per_step(4)
    grid = np.zeros((STEPS, len(DEFAULT_DRUM_TYPE_PITCHES)), bool)
    for track in song.tracks:
        for n in track.notes:
            step = int(round(n.start / tps))
            if n.pitch in DRUM_CLASS and 0 <= step < STEPS:
                grid[step, DRUM_CLASS[n.pitch]] = True
    return grid


def drum_stats(songs) -> dict:
    """Per 2-bar clip: hits, how busy the grid is, which drums play, where the kick and snare fall, and whether the
    second bar answers the first (a groove repeats, noise does not)."""
    grids = [drum_grid(song) for song in songs]
    hits = np.array([g.sum() for g in grids], float)
    every = np.concatenate(grids) if grids else np.zeros((0, len(DEFAULT_DRUM_TYPE_PITCHES)), bool)
    total = max(every.sum(), 1)
    on_beats = np.arange(STEPS) % 4 == 0
    backbeat = np.isin(np.arange(STEPS) % 16, (4, 12))
    kicks = sum(g[:, KICK].sum() for g in grids)
    snares = sum(g[:, SNARE].sum() for g in grids)
    same_bars = [float((g[:16] == g[16:]).all(axis=1).mean()) for g in grids]
    return {"clips": len(grids), "hits per clip (mean)": float(hits.mean()) if grids else 0.0,
            "fraction of 16th steps with a hit": float(np.mean([g.any(axis=1).mean() for g in grids])),
            "fraction of hits: kick": every[:, KICK].sum() / total,
            "fraction of hits: snare": every[:, SNARE].sum() / total,
            "fraction of hits: hi-hat (closed or open)": every[:, [CLOSED_HAT, OPEN_HAT]].sum() / total,
            "fraction of hits: toms": every[:, list(TOMS)].sum() / total,
            "fraction of hits: crash or ride": every[:, list(CYMBALS)].sum() / total,
            "fraction of kicks on a beat": sum(g[on_beats, KICK].sum() for g in grids) / max(kicks, 1),
            "fraction of snares on beats 2 and 4": sum(g[backbeat, SNARE].sum() for g in grids) / max(snares, 1),
            "distinct drums per clip (mean)": float(np.mean([g.any(axis=0).sum() for g in grids])) if grids else 0.0,
            "fraction of steps the second bar repeats the first": float(np.mean(same_bars)) if grids else 0.0}


def groove_stats(grids) -> dict:
    """Per 2-bar clip of (hits, velocities 0..1, offsets in half-16ths) [steps, 9]: how many hits, how far off the
    16th grid they sit and to which side, and how loud and how varied they are."""
    hits = [g[0] > 0.5 for g in grids]
    offsets = np.concatenate([g[2][h] for g, h in zip(grids, hits)]) / 2.0 if grids else np.zeros(0)
    velocities = np.concatenate([np.round(g[1][h] * 127) for g, h in zip(grids, hits)]) if grids else np.zeros(0)
    return {"clips": len(grids), "hits per clip (mean)": float(np.mean([h.sum() for h in hits])) if grids else 0.0,
            "mean distance from the 16th grid (16ths)": float(np.abs(offsets).mean()) if len(offsets) else 0.0,
            "fraction of hits ahead of the grid": float((offsets > 0).mean()) if len(offsets) else 0.0,
            "fraction of hits behind the grid": float((offsets < 0).mean()) if len(offsets) else 0.0,
            "velocity (mean, MIDI)": float(velocities.mean()) if len(velocities) else 0.0,
            "velocity spread (standard deviation, MIDI)": float(velocities.std()) if len(velocities) else 0.0}


STATS = {"melody": melody_stats, "drums": drum_stats}

JA_STATS = {"statistic": "統計量", "samples": "サンプル", "held-out windows": "評価用ウィンドウ", "clips": "クリップ数",
            "notes per clip (mean)": "クリップあたりの音数（平均）",
            "fraction of notes in key (best-fitting major key per clip)": "調に合う音の割合（クリップごとに最もよく合う長調）",
            "median note length (16ths)": "音の長さの中央値（16 分音符単位）",
            "fraction of the time silent": "何も鳴っていない時間の割合",
            "lowest pitch (median over clips, MIDI)": "最低音（クリップの中央値、MIDI）",
            "highest pitch (median over clips, MIDI)": "最高音（クリップの中央値、MIDI）",
            "distinct pitches per clip (mean)": "クリップあたりの異なる音高の数（平均）",
            "hits per clip (mean)": "クリップあたりの打音数（平均）",
            "fraction of 16th steps with a hit": "打音のある 16 分音符ステップの割合",
            "fraction of hits: kick": "打音の割合：キック",
            "fraction of hits: snare": "打音の割合：スネア",
            "fraction of hits: hi-hat (closed or open)": "打音の割合：ハイハット（クローズかオープン）",
            "fraction of hits: toms": "打音の割合：タム",
            "fraction of hits: crash or ride": "打音の割合：クラッシュかライド",
            "fraction of kicks on a beat": "拍の頭にあるキックの割合",
            "fraction of snares on beats 2 and 4": "2 拍目と 4 拍目にあるスネアの割合",
            "distinct drums per clip (mean)": "クリップあたりの異なる打楽器の数（平均）",
            "fraction of steps the second bar repeats the first": "2 小節目が 1 小節目を繰り返すステップの割合",
            "mean distance from the 16th grid (16ths)": "16 分音符のグリッドからの平均のずれ（16 分音符単位）",
            "fraction of hits ahead of the grid": "グリッドより前にある打音の割合",
            "fraction of hits behind the grid": "グリッドより後ろにある打音の割合",
            "velocity (mean, MIDI)": "ベロシティ（平均、MIDI）",
            "velocity spread (standard deviation, MIDI)": "ベロシティのばらつき（標準偏差、MIDI）",
            "grooved by the model": "モデルがグルーヴさせたもの", "performances": "演奏",
            "model's input": "モデルへの入力"}


def stats_table(ours: dict, held: dict, names: dict | None = None) -> str:
    """A markdown table: each statistic, the samples' figure and the held-out windows'."""
    return columns_table([("samples", ours), ("held-out windows", held)], names)


def columns_table(columns: list[tuple[str, dict]], names: dict | None = None) -> str:
    """A markdown table: each statistic (the first column's keys) in a row, one column of figures each."""
    name = (names or {}).get
    rows = ["| " + " | ".join(name(head, head) for head in ["statistic", *(c[0] for c in columns)]) + " |",
            "|---" * (len(columns) + 1) + "|"]
    for key in columns[0][1]:
        fmt = "{:.0f}" if key == "clips" else "{:.3f}" if "fraction" in key else "{:.2f}"
        rows.append(f"| {name(key, key)} | " + " | ".join(fmt.format(c[1][key]) for c in columns) + " |")
    return "\n".join(rows)
