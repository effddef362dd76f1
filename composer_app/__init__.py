"""Composer: a desktop piano roll that brings Magenta's generative music models to point and click."""

__version__ = "0.1.0"
APP_NAME = "Composer"
