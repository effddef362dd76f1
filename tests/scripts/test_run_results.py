"""Training scripts keep a run's result as JSON, read back with the attributes the comparison scripts use."""

from __future__ import annotations

import sys
from pathlib import Path

from composer_app.models.training.loop import TrainingResult
from composer_app.models.training.metrics import HeldOut

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from run_results import RESULT_FILE, load_result, save_result  # noqa: E402


def test_a_result_round_trips_without_pickle(tmp_path):
    """Paths, hparams and the held-out figures (perplexity included) come back; the file is plain JSON."""
    result = TrainingResult(bundle=tmp_path / "a.mag", card=tmp_path / "a.md", config_id="basic_rnn",
                            hparams={"batch_size": 64, "rnn_layer_sizes": (64, 64)}, steps=300, wall_time_s=12.5,
                            report=None, final=None, held_out=HeldOut(loss=1.0, accuracy=0.6, steps=10, sequences=2))
    save_result(result, tmp_path)
    back = load_result(tmp_path)
    assert back.bundle == tmp_path / "a.mag" and back.steps == 300
    assert dict(back.hparams.items()) == {"batch_size": 64, "rnn_layer_sizes": [64, 64]}
    assert abs(back.held_out.perplexity - 2.718281828) < 1e-6 and back.held_out.accuracy == 0.6
    assert (tmp_path / RESULT_FILE).read_text().lstrip().startswith("{")
