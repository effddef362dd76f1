"""A bundle or checkpoint whose training continues: the model it continues as, its sizes, and where its
continuation is offered to be saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from composer_app.gui.training.vae_choices import VAE_SUFFIX, is_vae
from composer_app.models.rnn.configs import all_configs

TRAINABLE_FAMILIES = ("melody", "drums", "improv", "polyphony", "performance")  # what `composer-app train` trains


def bundle_model(path: Path) -> tuple[str | None, tuple | None]:
    """The model a .mag bundle (its header) or a MusicVAE checkpoint (its config, from the index alone) continues
    as, None when the file is neither or of a model the app does not train; and a checkpoint's (z, encoder,
    decoder) sizes."""
    from composer_app.models.errors import ModelError

    try:
        if path.suffix.lower() == VAE_SUFFIX:
            from composer_app.models.musicvae.inspect import describe_checkpoint

            info = describe_checkpoint(path)
            # cat-mel_2bar_big's checkpoint continues as cat-mel_2bar_small: one network, other sizes (kept).
            fits = [c for c in (info.get("config"), *info.get("also_fits", ())) if is_vae(c)]
            sizes = (info["z_size"], tuple(info["encoder_sizes"]), tuple(info["decoder_sizes"]))
            return (fits[0], sizes) if fits else (None, None)
        from composer_app.gui.generation.bundle_picker import bundle_header

        config_id = bundle_header(path)[0]
    except (ModelError, OSError):
        return None, None
    trained = any(c.id == config_id and c.family in TRAINABLE_FAMILIES for c in all_configs())
    return (config_id if trained else None), None


def writable_folder(folder: Path) -> Path:
    """`folder`, unless it is inside the app's own resources (a shipped model): then the user's documents."""
    from composer_app import RESOURCE_DIR

    if folder.resolve().is_relative_to(RESOURCE_DIR.resolve()):
        return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or Path.home())
    return folder
