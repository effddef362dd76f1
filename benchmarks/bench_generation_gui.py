"""Generation inside the app, offscreen: the first Generate, click -> first candidate drawn, memory, and how
long the window's event loop stalls while a long generation runs in the worker thread.

Uses the shipped attention_rnn bundle (Magenta's published size: 2 x 128, attention 40), 4 variations x 64 steps.
Targets (engine issue): the first Generate pressed 0.5 s after the window appears shows its first variation
within 0.5 s more; the app's memory with the window open and one model loaded <= 300 MB over all its processes;
no UI stall over 50 ms while a long generation runs. Stalls are measured with a 10 ms QTimer: how late its ticks
arrive.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from composer_app.gui.shell.app import attach_features, create_window
    from composer_app.music.song import Note

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp()
    os.environ["COMPOSER_CONFIG_DIR"] = tmp
    os.environ["COMPOSER_RECOVERY_DIR"] = tmp
    shown = time.perf_counter()
    window = create_window([])  # as the app starts: the window first, then what lives beside the editor
    window.resize(1400, 900)
    app.processEvents()
    attach_features(window)
    session = window.generation
    print(f"window shown -> generation panel ready: {(time.perf_counter() - shown) * 1000:.0f} ms")
    melody = window.document.song.tracks[0].with_notes([Note(i * 960, p, 960) for i, p in enumerate((60, 62, 64, 67))])
    window.document.edit_track(0, melody, "primer")
    panel = session.panel
    panel.set_model("attention_rnn")
    panel.num_outputs.setValue(4)
    panel.length_bars.setValue(4)
    while time.perf_counter() - shown < 0.5:  # the user presses Generate half a second after the window appears
        app.processEvents()

    def run_once() -> float:
        before = len(session.strip.sets)
        start = time.perf_counter()
        panel.generate_button.click()
        while len(session.strip.sets) == before:
            app.processEvents()
            time.sleep(0.001)
        session.strip.cards[0].repaint()  # drawn, not just created
        return time.perf_counter() - start

    first = run_once()
    print(f"first Generate, pressed 0.5 s after the window appeared -> first candidate drawn: {first * 1000:.0f} ms "
          f"(target <= 500 ms: {'met' if first <= 0.5 else 'NOT met'}; it loads the bundle)")
    print(f"memory with the window open and one model loaded: {rss_mb():.0f} MB in the app's one process "
          f"(target <= 300 MB), tensorflow imported: {'tensorflow' in sys.modules}")
    times = sorted(run_once() for _ in range(5))
    print(f"click Generate -> first candidate drawn (attention_rnn 2x128, 4 x 64 steps, model loaded): "
          f"median {times[2] * 1000:.0f} ms, best {times[0] * 1000:.0f} ms")
    panel.length_bars.setValue(32)
    panel.num_outputs.setValue(16)
    measure_latency(app, session, run_once, "16 x 512 steps")
    session.shutdown()
    window.document.undo_stack.setClean()
    window.close()


def rss_mb() -> float:
    """Resident memory of this process (the whole app: there is no child process any more)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_latency(app, session, run_once, label: str) -> None:
    """Print how late 10 ms timer ticks arrive while the model runs, and the one stall of showing the results.

    The model's part ends with its last progress report; after it the UI thread builds the variation cards,
    which is the window's own work, reported separately.
    """
    from PySide6.QtCore import QElapsedTimer, QTimer

    ticks = []  # (arrival ms, lateness ms)
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    model_done = [None]

    def tick():
        now = clock.elapsed()
        ticks.append((now, now - last[0] - 10))
        last[0] = now

    def progress(_job, done, total):
        if done == total:
            model_done[0] = clock.elapsed()

    queue = session.controller.queue
    queue.progress.connect(progress)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    elapsed = run_once()
    timer.stop()
    queue.progress.disconnect(progress)
    end = model_done[0] if model_done[0] is not None else float("inf")
    during = sorted(late for at, late in ticks if at <= end)
    after = [late for at, late in ticks if at > end]
    print(f"event loop during a {elapsed:.2f} s generation, {label}: while the model ran, worst tick "
          f"{during[-1]:.0f} ms late, 99th percentile {during[int(len(during) * 0.99)]:.0f} ms, {len(during)} ticks "
          f"(target: no stall over 50 ms: {'met' if during[-1] <= 50 else 'NOT met'}); "
          f"showing the results: {max(after, default=0):.0f} ms")


if __name__ == "__main__":
    main()
