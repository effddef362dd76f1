"""Errors a user can cause when training: bad folders, no usable music, unwritable output."""

from __future__ import annotations

from composer_app.errors import Cancelled, ComposerError


class TrainingError(ComposerError):
    """A training request that cannot be carried out; the message says why in one line."""


class TrainingCancelled(Cancelled):
    """Training was stopped by its cancel callback (the last checkpoint is kept)."""
