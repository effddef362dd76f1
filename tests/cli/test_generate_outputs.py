"""The generate command's output files: named as Magenta names them, and never over an earlier run's."""

from __future__ import annotations

from tests.models.conftest import bundle_path


def test_a_second_run_in_the_same_second_keeps_the_first_runs_files(tmp_path):
    """Magenta names outputs by the second; two runs into one folder still leave every file of both."""
    from composer_app.cli.main import main

    bundle = str(bundle_path("basic_rnn"))
    argv = ["generate", "--config=basic_rnn", f"--bundle_file={bundle}", f"--output_dir={tmp_path}",
            "--num_outputs=2", "--num_steps=16", "--seed=1"]
    assert main(argv) == 0 and main(argv) == 0
    assert len(list(tmp_path.glob("*.mid"))) == 4
