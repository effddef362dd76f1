"""Composer: a desktop piano roll that brings Magenta's generative music models to point and click."""

from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "Composer"

# Shipped data (bundles and their model cards, translations, fonts), installed with the package.
RESOURCE_DIR = Path(__file__).resolve().parent / "resources"
