"""The shipped MusicVAE checkpoints: found by their config's name in resources/musicvae, with cards by language."""

from __future__ import annotations

import shutil

import pytest

from composer_app import RESOURCE_DIR
from composer_app.models.musicvae import shipped
from composer_app.models.musicvae.studio import LoadRequest
from tests.conftest import shared_path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty shipped folder in place of the app's."""
    monkeypatch.setattr(shipped, "SHIPPED_VAE_DIR", tmp_path)
    return tmp_path


def _never() -> bool:
    return False


def test_the_app_looks_in_its_resources_folder():
    """Shipped checkpoints live in resources/musicvae as CONFIG_ID.tar, which the package data carries."""
    assert shipped.SHIPPED_VAE_DIR == RESOURCE_DIR / "musicvae"
    assert shipped.shipped_vae_path("cat-mel_2bar_small") == RESOURCE_DIR / "musicvae" / "cat-mel_2bar_small.tar"


def test_nothing_ships_from_an_empty_or_missing_folder(folder, monkeypatch):
    """No checkpoint present (as before the trained models arrive): an empty list, no error."""
    assert shipped.shipped_vaes() == []
    monkeypatch.setattr(shipped, "SHIPPED_VAE_DIR", folder / "missing")
    assert shipped.shipped_vaes() == []
    assert shipped.shipped_config_of(folder / "missing" / "cat-mel_2bar_small.tar") is None


def test_listing_names_each_checkpoint_by_its_config_with_its_cards(folder):
    """Config-named .tars are listed in Magenta's config order with the cards beside them; other files are not."""
    for name in ("groovae_2bar_humanize.tar", "cat-mel_2bar_small.tar", "cat-mel_2bar_small.md",
                 "cat-mel_2bar_small.ja.md", "groovae_2bar_humanize.ja.md", "my_model.tar", "README.md"):
        (folder / name).write_bytes(b"x")
    found = shipped.shipped_vaes()
    assert [s.config_id for s in found] == ["cat-mel_2bar_small", "groovae_2bar_humanize"]
    mel, groove = found
    assert mel.path == folder / "cat-mel_2bar_small.tar"
    assert mel.cards == (("en", folder / "cat-mel_2bar_small.md"), ("ja", folder / "cat-mel_2bar_small.ja.md"))
    assert groove.cards == (("ja", folder / "groovae_2bar_humanize.ja.md"),)
    assert shipped.shipped_config_of(str(folder / "groovae_2bar_humanize.tar")) == "groovae_2bar_humanize"
    assert shipped.shipped_config_of(folder / "my_model.tar") is None


def test_card_text_follows_the_language_and_falls_back_to_english(folder):
    """The Japanese card in Japanese, the English one otherwise or where no translation ships, None without any."""
    (folder / "cat-drums_2bar_small.tar").write_bytes(b"x")
    (folder / "cat-drums_2bar_small.md").write_text("# Drums\n", encoding="utf-8")
    (folder / "cat-drums_2bar_small.ja.md").write_text("# ドラム\n", encoding="utf-8")
    (folder / "cat-mel_2bar_small.tar").write_bytes(b"x")
    (folder / "cat-mel_2bar_small.md").write_text("# Melody\n", encoding="utf-8")
    (folder / "hierdec-mel_16bar.tar").write_bytes(b"x")
    mel, hierdec, drums = shipped.shipped_vaes()  # Magenta's order: melodies first
    assert drums.card_text("ja") == "# ドラム\n" and drums.card_text("en") == "# Drums\n"
    assert mel.card_text("ja") == "# Melody\n"
    assert hierdec.card_text("ja") is None and hierdec.card_path() is None


def test_a_shipped_checkpoint_loads_as_its_config_with_no_question(folder):
    """A GrooVAE's tensors fit every 2-bar variant; shipped as tap2drum it loads as tap2drum, offering no choice."""
    path = folder / "groovae_2bar_tap_fixed_velocity.tar"
    shutil.copyfile(shared_path("fixtures", "magenta-vae", "groovae_humanize_tiny.tar"), path)
    (only,) = shipped.shipped_vaes()
    loaded = LoadRequest(str(only.path), only.config_id).run(lambda done, total: None, _never)
    assert loaded.config.id == "groovae_2bar_tap_fixed_velocity" and loaded.alike == ()
    asked = LoadRequest(str(path)).run(lambda done, total: None, _never)  # opened as any file: the tensors decide
    assert asked.config.id == "groovae_2bar_humanize" and "groovae_2bar_tap_fixed_velocity" in asked.alike
