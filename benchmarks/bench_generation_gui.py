"""Generation inside the app, offscreen: click Generate -> first candidate drawn, and event-loop latency meanwhile.

Uses attention_rnn at its published size (2 x 128, attention 40, random weights) with the model already loaded,
4 variations x 64 steps. Latency is measured with a 10 ms QTimer: how late its ticks arrive while a longer
generation runs in the worker thread.
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

    from composer_app.gui.generation_jobs import limit_model_threads
    from composer_app.gui.generation_session import attach_generation
    from composer_app.gui.main_window import MainWindow
    from composer_app.models.bundle_writer import write_bundle
    from composer_app.models.configs import get_config
    from composer_app.models.network import initial_weights
    from composer_app.music.song import Note

    limit_model_threads()  # as the app does before TensorFlow first runs (here the bundle is written first)
    app = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp()
    os.environ["COMPOSER_CONFIG_DIR"] = tmp
    os.environ["COMPOSER_RECOVERY_DIR"] = tmp
    config = get_config("attention_rnn")
    enc = config.encoder()
    bundle = write_bundle(Path(tmp) / "attention_rnn.mag", config,
                          initial_weights(enc.input_size, enc.num_classes, (128, 128), 40, seed=1))
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

    run_once()  # loads TensorFlow, the bundle and compiles the loop
    times = sorted(run_once() for _ in range(5))
    print(f"click Generate -> first candidate drawn (attention_rnn 2x128, 4 x 64 steps, model loaded): "
          f"median {times[2] * 1000:.0f} ms, best {times[0] * 1000:.0f} ms")

    panel.length_bars.setValue(32)
    panel.num_outputs.setValue(16)
    for label in ("first at this size (traces and compiles)", "again (compiled)"):
        measure_latency(app, run_once, label)
    session.shutdown()
    window.document.undo_stack.setClean()
    window.close()


def measure_latency(app, run_once, label: str) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer

    lateness = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        lateness.append(now - last[0] - 10)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    elapsed = run_once()
    timer.stop()
    lateness.sort()
    print(f"event loop during a {elapsed:.2f} s generation, 16 x 512 steps, {label}: worst tick "
          f"{lateness[-1]:.0f} ms late, 99th percentile {lateness[int(len(lateness) * 0.99)]:.0f} ms, "
          f"{len(lateness)} ticks")


if __name__ == "__main__":
    main()
