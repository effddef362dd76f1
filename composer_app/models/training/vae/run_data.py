"""The windows a MusicVAE run trains on: read from the request's files, or kept in the run folder for a rerun."""

from __future__ import annotations

from pathlib import Path

from composer_app.models.training.errors import TrainingError
from composer_app.models.training.run_folder import note_made
from composer_app.models.training.vae.gmd import gmd_key
from composer_app.models.training.vae.groove_windows import (
    load_groove_windows,
    read_groove_windows,
    save_groove_windows,
)
from composer_app.models.training.vae.spec import TRANSPOSE_RANGE, VALID_PROGRAMS
from composer_app.models.training.vae.windows import (
    MAX_WINDOWS_PER_SONG,
    VaeData,
    data_key,
    load_windows,
    read_windows,
    save_windows,
)
from composer_app.said import said

WINDOWS = "windows.npz"  # the read windows, kept for a rerun


def read_run_data(request, config, converter, run_dir: Path, say) -> VaeData:
    """The windows of the request's files, kept in the run folder (WINDOWS) for a rerun of the same files."""
    if not request.sources:
        raise TrainingError(said("no input given: name at least one folder of music files"))
    sources = list(request.sources)
    transpose = TRANSPOSE_RANGE.get(config.id)
    groove = config.kind == "groove"
    # A GrooVAE's windows also depend on what info.csv says of each file (its tempo, metre and split).
    listed = [gmd_key(s.path) for s in sources] if groove else []
    limit = request.windows_per_song
    windowing = request.groove_windowing if groove else "tfds"
    # The old keys (no limit, no windowing in them) are kept for Magenta's choices, so earlier runs' windows are found.
    key = data_key(sources, config.id, request.eval_ratio, request.seed, transpose, *listed,
                   *(() if limit == MAX_WINDOWS_PER_SONG else (f"windows_per_song={limit}",)),
                   *(() if windowing == "tfds" else (f"windowing={windowing}",)))
    data = (load_groove_windows if groove else load_windows)(run_dir / WINDOWS, key, converter)
    if data is None:
        def progress(done: int, total: int) -> None:
            if done % 100 == 0 or done == total:
                say(said("read {done}/{total} files").format(done=done, total=total))

        if groove:
            data = read_groove_windows(sources, converter, request.eval_ratio, progress, request.workers, windowing)
        else:
            data = read_windows(sources, converter, request.eval_ratio, request.seed, transpose, progress,
                                request.workers, VALID_PROGRAMS.get(config.id), limit)
        note_made(run_dir, run_dir / WINDOWS)
        (save_groove_windows if groove else save_windows)(run_dir / WINDOWS, key, data)
    return data
