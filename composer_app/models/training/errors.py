"""Errors a user can cause when training: bad folders, no usable music, unwritable output."""

from __future__ import annotations


class TrainingError(ValueError):
    """A training request that cannot be carried out; the message says why in one line."""


class TrainingCancelled(Exception):
    """Training was stopped by its cancel callback (the last checkpoint is kept)."""
