"""The MusicVAE checkpoints this app ships: CONFIG_ID.tar in resources/musicvae, with its model cards beside it.

A shipped checkpoint is Magenta's .tar (model.ckpt-N.index and .data inside), as `composer-app train` exports it;
its file name is the Magenta config it was trained as, so nobody has to say which. Its English card is CONFIG_ID.md
and a translated one CONFIG_ID.LANG.md (CONFIG_ID.ja.md). The folder may be empty or missing: nothing ships then.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from composer_app import RESOURCE_DIR

SHIPPED_VAE_DIR = RESOURCE_DIR / "musicvae"
SUFFIX = ".tar"


@dataclass(frozen=True)
class ShippedVae:
    """A shipped checkpoint: the config it was trained as, its .tar, and the model cards found beside it."""

    config_id: str
    path: Path
    cards: tuple[tuple[str, Path], ...] = ()  # (language, card), English ("en") first where there is one

    def card_path(self, language: str = "en") -> Path | None:
        """The card in `language` where there is one, else the English card, else None."""
        found = dict(self.cards)
        return found.get(language) or found.get("en")

    def card_text(self, language: str = "en") -> str | None:
        """The card's Markdown in `language` (else English), or None when no card ships beside the checkpoint."""
        path = self.card_path(language)
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None


def shipped_vae_path(config_id: str) -> Path:
    """Where the checkpoint this app ships for a config lives (it may not exist)."""
    return SHIPPED_VAE_DIR / f"{config_id}{SUFFIX}"


def _cards(folder: Path, config_id: str) -> tuple[tuple[str, Path], ...]:
    english = folder / f"{config_id}.md"
    found = [("en", english)] if english.is_file() else []
    prefix = f"{config_id}."
    for card in sorted(folder.glob(f"{config_id}.*.md")):
        language = card.name[len(prefix):-len(".md")]
        if language.isalpha() and language != "en":  # NAME.ja.md, not NAME.other.thing.md
            found.append((language, card))
    return tuple(found)


def shipped_vaes() -> list[ShippedVae]:
    """The shipped checkpoints, in Magenta's config order; files not named after a known config are passed over."""
    folder = SHIPPED_VAE_DIR
    if not folder.is_dir():
        return []
    from composer_app.models.musicvae.configs import CONFIG_IDS

    order = {cid: i for i, cid in enumerate(CONFIG_IDS)}
    found = [ShippedVae(p.stem, p, _cards(folder, p.stem)) for p in folder.glob(f"*{SUFFIX}")
             if p.is_file() and p.stem in order]
    return sorted(found, key=lambda s: order[s.config_id])


def shipped_config_of(path: str | os.PathLike) -> str | None:
    """The config of a path when it is one of the shipped checkpoints, else None."""
    try:
        resolved = Path(path).resolve()
    except OSError:
        return None
    for shipped in shipped_vaes():
        if shipped.path.resolve() == resolved:
            return shipped.config_id
    return None
