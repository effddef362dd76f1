"""Generation inside the app, offscreen: click Generate -> first candidate drawn, and event-loop latency meanwhile.

Uses the shipped attention_rnn bundle (Magenta's published size: 2 x 128, attention 40) with the model already
loaded in the model process, 4 variations x 64 steps. Latency is measured with a 10 ms QTimer: how late its ticks
arrive while a longer generation runs (the worker thread waits on the model process).
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

    from composer_app.gui.generation.session import attach_generation
    from composer_app.gui.shell.main_window import MainWindow
    from composer_app.models.process.client import close_shared_model_process
    from composer_app.models.rnn.bundle import shipped_bundle_path
    from composer_app.music.song import Note

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp()
    os.environ["COMPOSER_CONFIG_DIR"] = tmp
    os.environ["COMPOSER_RECOVERY_DIR"] = tmp
    bundle = shipped_bundle_path("attention_rnn")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    session = attach_generation(window)
    melody = window.document.song.tracks[0].with_notes([Note(i * 960, p, 960) for i, p in enumerate((60, 62, 64, 67))])
    window.document.edit_track(0, melody, "primer")
    panel = session.panel
    panel.set_model("attention_rnn")
    panel.use_bundle(str(bundle))
    panel.num_outputs.setValue(4)
    panel.length_bars.setValue(4)

    def run_once() -> float:
        before = len(session.strip.sets)
        start = time.perf_counter()
        panel.generate_button.click()
        while len(session.strip.sets) == before:
            app.processEvents()
            time.sleep(0.001)
        session.strip.cards[0].repaint()  # drawn, not just created
        return time.perf_counter() - start

    measure_latency(app, session, run_once, "4 x 64 steps, the first: starts the model process (TensorFlow's import, "
                                   "the bundle, tracing)")
    times = sorted(run_once() for _ in range(5))
    print(f"click Generate -> first candidate drawn (attention_rnn 2x128, 4 x 64 steps, model loaded): "
          f"median {times[2] * 1000:.0f} ms, best {times[0] * 1000:.0f} ms")

    panel.length_bars.setValue(32)
    panel.num_outputs.setValue(16)
    for label in ("16 x 512 steps, first at this size (traces)", "16 x 512 steps, again (traced)"):
        measure_latency(app, session, run_once, label)
    session.shutdown()
    close_shared_model_process()
    window.document.undo_stack.setClean()
    window.close()


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
          f"{during[-1]:.0f} ms late, 99th percentile {during[int(len(during) * 0.99)]:.0f} ms, {len(during)} ticks; "
          f"showing the results: {max(after, default=0):.0f} ms")


if __name__ == "__main__":
    main()
