"""Errors a user can cause with bundles and generation requests."""

from __future__ import annotations

from pathlib import Path


class BundleError(Exception):
    """A .mag bundle cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = Path(path) if path else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class GenerationError(ValueError):
    """A generation request that cannot be carried out (primer too long, bad length, ...)."""


class GenerationCancelled(Exception):
    """Generation was stopped by its cancel callback."""
