"""A training run's folder: known by its marker file, its state written atomically, cleared only of its own files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from composer_app.atomic_file import write_atomically
from composer_app.models.checkpoints.checkpoint_paths import RUN_CHECKPOINTS
from composer_app.models.training.errors import TrainingError
from composer_app.said import said

MARKER = "composer-run.json"  # written first, when the trainer makes (or adopts) the folder
SIGNATURE = "run.json"  # the run's settings and data, to refuse resuming with different ones
CHECKPOINTS = RUN_CHECKPOINTS  # where composer-app and music_vae_generate --run_dir look
MADE_BY = "composer-app train"

# Exactly what the trainer and TensorFlow's CheckpointManager write; --restart deletes these and nothing else.
_OWN_FILES = re.compile(r"run\.json|\.(composer-run|run)\.json\..+\.tmp")
# (model.ckpt-N: the MusicVAE trainer's name-based checkpoints, named as Magenta's.)
_OWN_CHECKPOINT_FILES = re.compile(
    r"checkpoint|checkpoint\.tmp[0-9a-f]+|(model\.)?ckpt-\d+\.index|(model\.)?ckpt-\d+\.data-\d+-of-\d+")
_OWN_CHECKPOINT_TEMP = re.compile(r"(model\.)?ckpt-\d+_temp")  # a save cut short leaves this folder of parts
_OWN_TEMP_PARTS = re.compile(r"part-\d+-of-\d+\.(index|data-\d+-of-\d+)")
# What run.json has held since before the marker existed: such a folder is adopted as a run folder.
_SIGNATURE_TYPES = {"config": str, "hparams": dict, "train_sequences": int, "train_steps": int, "seed": int,
                    "bucket": bool}
RESTART_HINT = said("Rerun with --restart to start this run over, or pass a new --run-dir.")


def _damaged(path: Path, problem: str) -> TrainingError:
    """`problem` is said() text, or a library's own message."""
    return TrainingError(said("{path} is damaged ({problem})").format(path=str(path), problem=problem),
                         hint=RESTART_HINT)


def _read_json(path: Path):
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise TrainingError(said("cannot read {path}: {reason}").format(
            path=str(path), reason=exc.strerror or str(exc))) from None
    except (UnicodeDecodeError, ValueError):
        raise _damaged(path, said("it is not complete JSON")) from None


def _write_json(path: Path, data: dict) -> None:
    text = json.dumps(data, indent=1).encode("utf-8")
    try:
        write_atomically(path, lambda fh: fh.write(text))
    except OSError as exc:
        raise TrainingError(said("could not write {path}: {reason}").format(
            path=str(path), reason=exc.strerror or str(exc))) from None


def _marker(folder: Path) -> dict | None:
    """The folder's marker, None when it has none; a TrainingError when it is damaged."""
    path = folder / MARKER
    if not path.is_file():
        return None
    data = _read_json(path)
    if not isinstance(data, dict) or data.get("made_by") != MADE_BY or not isinstance(data.get("made", []), list):
        raise _damaged(path, said("it does not say it was made by {maker}").format(maker=MADE_BY))
    return data


def _has_old_signature(folder: Path) -> bool:
    """A run folder made before the marker existed: its run.json holds a run's settings and nothing else does."""
    try:
        data = json.loads((folder / SIGNATURE).read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and set(_SIGNATURE_TYPES) <= set(data)


def is_run_folder(folder: Path) -> bool:
    """True for a folder composer-app train made: it holds the marker (or an older run's run.json)."""
    return folder.is_dir() and (_marker(folder) is not None or _has_old_signature(folder))


def _not_ours(folder: Path, doing: str) -> TrainingError:
    """`doing` is said() text, such as "will not train in"."""
    name = str(folder) if folder.is_absolute() else f"{folder} ({folder.resolve()})"
    return TrainingError(said("{doing} {folder}: it was not made by composer-app train (it has no {marker})").format(
        doing=doing, folder=name, marker=MARKER), hint=said("Pass the run folder it made (OUTPUT.run beside the output "
                                                            "by default) or a new, empty one as --run-dir."))


def check_run_folder(folder: Path) -> None:
    """Refuse, before any work, a --run-dir that is a file or a folder of other files (one without the marker)."""
    if folder.exists() and not folder.is_dir():
        raise TrainingError(said("--run-dir {folder} is a file, not a folder").format(folder=str(folder)),
                            hint=said("Pass a new folder as --run-dir."))
    if folder.is_dir() and _marker(folder) is None and not _has_old_signature(folder) and any(folder.iterdir()):
        raise _not_ours(folder, said("will not train in"))


def open_run_folder(folder: Path) -> None:
    """Make `folder` this run's folder: create it with its marker, or adopt a run folder made before markers.

    A folder holding anything else is refused, so that a run never writes its files among the user's.
    """
    check_run_folder(folder)
    if _marker(folder) is not None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TrainingError(said("cannot make the run folder {folder}: {reason}").format(
            folder=str(folder), reason=exc.strerror or str(exc))) from None
    _write_json(folder / MARKER, {"made_by": MADE_BY, "made": []})


def note_made(folder: Path, path: Path | None) -> None:
    """Remember that the run is about to create `path` inside its folder (a metrics log), so --restart removes it.

    A file that already exists was not made by this run and is never noted.
    """
    if path is None or Path(path).exists():
        return
    try:
        relative = Path(path).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return  # outside the run folder: the user's own output, never deleted by --restart
    marker = _marker(folder) or {"made_by": MADE_BY, "made": []}
    if relative not in marker["made"]:
        _write_json(folder / MARKER, {**marker, "made": marker["made"] + [relative]})


def check_signature(folder: Path, signature: dict) -> None:
    """Write run.json for a new run; for an existing one, refuse different settings or data, or a damaged file."""
    path = folder / SIGNATURE
    if not path.exists():
        _write_json(path, signature)
        return
    previous = _read_json(path)
    if not isinstance(previous, dict):
        raise _damaged(path, said("it is not a JSON object"))
    for key, kind in _SIGNATURE_TYPES.items():
        value = previous.get(key)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise _damaged(path, said("its {key!r} is missing or not {kind}").format(key=key, kind=kind.__name__))
    if previous != signature:
        raise TrainingError(said("{folder} holds a run with different settings or data").format(folder=str(folder)),
                            hint=said("Pass a new --run-dir, or rerun with --restart to start this run over."))


def check_checkpoint_state(checkpoints: Path) -> None:
    """TensorFlow ignores a damaged checkpoint list (and would start again from step 0) or fails on one: say so."""
    import tensorflow as tf

    path = checkpoints / "checkpoint"
    if not path.exists():
        return
    try:
        state = tf.train.get_checkpoint_state(str(checkpoints))
    except Exception as exc:  # TF raises several kinds (decode, value, OS errors) for one damaged file
        raise _damaged(path, f"{type(exc).__name__}: {exc}") from None
    if state is None or not state.model_checkpoint_path:
        raise _damaged(path, said("TensorFlow cannot read it as its list of checkpoints"))


def damaged_checkpoint(prefix: str, exc: Exception) -> TrainingError:
    """TensorFlow does not say which of a checkpoint's files is bad, so both are named by their common prefix."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return TrainingError(said("the checkpoint {prefix} (its .index and .data files) is damaged ({reason})").format(
        prefix=prefix, reason=first), hint=RESTART_HINT)


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise TrainingError(said("could not delete {path}: {reason}").format(
            path=str(path), reason=exc.strerror or str(exc))) from None


def _rmdir_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: it holds something the run did not make, which stays


def _clear_checkpoints(checkpoints: Path) -> None:
    if not checkpoints.is_dir() or checkpoints.is_symlink():
        return
    for path in checkpoints.iterdir():
        if path.is_dir() and not path.is_symlink() and _OWN_CHECKPOINT_TEMP.fullmatch(path.name):
            for part in path.iterdir():
                if part.is_file() and _OWN_TEMP_PARTS.fullmatch(part.name):
                    _unlink(part)
            _rmdir_if_empty(path)
        elif path.is_file() and _OWN_CHECKPOINT_FILES.fullmatch(path.name):
            _unlink(path)
    _rmdir_if_empty(checkpoints)


def clear_run(folder: Path) -> list[Path]:
    """--restart: delete what the run made in `folder`, then the folder once empty. Returns what was left.

    Refuses (TrainingError, nothing deleted) a folder that composer-app train did not make. In a run folder
    only the trainer's own files go: anything else found there is kept, and so is the marker beside it.
    """
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise TrainingError(said("--restart: {folder} is a file, not a run folder; it was left as it is").format(
            folder=str(folder)), hint=said("Pass the run folder that composer-app train made, or a new --run-dir."))
    marker = _marker(folder)
    if marker is None and not _has_old_signature(folder):
        if not any(folder.iterdir()):
            return []
        raise _not_ours(folder, said("--restart will not delete"))
    _clear_checkpoints(folder / CHECKPOINTS)
    for relative in (marker or {}).get("made", []):
        # Only a plain relative path inside the folder: an edited marker must not reach outside it.
        if isinstance(relative, str) and not Path(relative).is_absolute() and ".." not in Path(relative).parts:
            path = folder / relative
            if path.is_file() and not path.is_symlink():
                _unlink(path)
    for path in folder.iterdir():
        if path.is_file() and _OWN_FILES.fullmatch(path.name):
            _unlink(path)
    left = sorted(p for p in folder.iterdir() if p.name != MARKER)
    if not left:
        _unlink(folder / MARKER)
        _rmdir_if_empty(folder)
    return left
