"""Plot a shipped bundle's CLI samples as piano rolls, to look at them before writing the card's observations.

Usage: plot_samples.py RUN [OUT.png]. Reads ~/.cache/composer-app/runs/RUN/samples/*.mid (written by
finish_shipped_bundle.py) and draws up to five of them, one row each (time in quarter notes, pitch upwards).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_data import RUNS  # noqa: E402

from composer_app.music.io import read_song  # noqa: E402
from composer_app.music.song import PPQ  # noqa: E402


def plot(run: str, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = sorted((RUNS / run / "samples").glob("*.mid"))[:5]
    songs = [read_song(path) for path in files]
    # Whole bars of 4/4 up to the longest clip (8 bars at least): a 16-bar model's clips are drawn whole.
    quarters = max([32] + [-(-max((n.end for t in s.tracks for n in t.notes), default=0) // (4 * PPQ)) * 4
                           for s in songs])
    fig, axes = plt.subplots(len(files), 1, figsize=(14 * max(1, quarters // 32) ** 0.5, 2.2 * len(files)),
                             squeeze=False)
    for ax, path, song in zip(axes[:, 0], files, songs):
        for n in (n for t in song.tracks for n in t.notes):
            # A little short of its length, so that a repeated note shows as two.
            ax.broken_barh([(n.start / PPQ, max(n.duration / PPQ - 0.06, 0.05))], (n.pitch - 0.4, 0.8))
        ax.set_title(path.name, fontsize=8)
        ax.set_xlim(0, quarters)
        for bar in range(0, quarters + 1, 4):
            ax.axvline(bar, color="0.8", lw=0.5)
    fig.tight_layout()
    fig.savefig(out, dpi=70)
    return out


if __name__ == "__main__":
    run = sys.argv[1]
    print(plot(run, Path(sys.argv[2]) if len(sys.argv) > 2 else RUNS / run / "samples.png"))
