"""Only training imports TensorFlow: inspect, score, evaluate and generate run on the numpy engine alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.models.conftest import bundle_path


def _modules_after(argv: list[str]) -> tuple[int, bool]:
    code = (
        "import sys\n"
        "from composer_app.cli.main import main\n"
        f"status = main({argv!r})\n"
        "print('STATUS', status, 'tensorflow' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    status, loaded = out.stdout.split("STATUS", 1)[1].split()
    return int(status), loaded == "True"


def _tune_folder(tmp_path):
    """A folder with one ten-bar melody, long and varied enough for Magenta's extractor to keep."""
    from composer_app.music.midi_io import write_midi
    from composer_app.music.song import PPQ, Note, Song, Track

    pitches = [60, 62, 64, 65, 67, 69, 71, 72]
    notes = tuple(Note(i * PPQ, pitches[i % 8], PPQ) for i in range(40))
    folder = tmp_path / "tunes"
    folder.mkdir()
    write_midi(Song(tracks=(Track("Tune", notes=notes),)), folder / "tune.mid")
    return folder


@pytest.mark.parametrize("command", ["inspect", "score", "evaluate", "generate"])
def test_command_runs_without_importing_tensorflow(command, tmp_path):
    """The command succeeds and `tensorflow` is not in sys.modules afterwards."""
    bundle = str(bundle_path("attention_rnn"))
    melody = "[60, -2, 62, -2, 64, -2, 65, -1, 67]"
    argv = {
        "inspect": ["inspect", bundle],
        "score": ["score", bundle, "--primer_melody", melody, "--json"],
        "evaluate": ["evaluate", bundle, str(_tune_folder(tmp_path))],
        "generate": ["generate", "--config=attention_rnn", f"--bundle_file={bundle}", f"--output_dir={tmp_path}",
                     "--num_outputs=2", "--num_steps=32", f"--primer_melody={melody}"],
    }[command]
    status, loaded = _modules_after(argv)
    assert status == 0 and not loaded
