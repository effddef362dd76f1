"""A corpus report for lead-sheet extraction: files read, lead sheets found, what was repaired, what was skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from composer_app.music.leadsheets.extract import LeadSheetFile

# Why a readable file gave nothing, most telling first, in words.
_REASONS = (
    ("no_melodic_tracks", "no melodic part"),
    ("songs_without_chord_symbols", "no chord symbols (ask for inferred chords)"),
    ("skipped_non_integer_steps_per_bar", "a metre that does not fit the step grid"),
    ("melodies_discarded_no_chords", "melodies only where no chord is written"),
    ("melodies_discarded_too_few_pitches", "melodies with too few different pitches"),
    ("melodies_discarded_too_short", "melodies too short"),
)
# Repairs Magenta does not make: each one kept a piece (or part of one) that its pipeline loses.
REPAIRS = (
    "grace_notes_dropped", "melody_parts_made_monophonic", "melody_double_stop_notes_dropped",
    "melody_second_voice_notes_dropped", "parts_without_midi_channel", "pickup_bars_aligned",
    "time_signature_changes_bridged", "tempo_changes_bridged", "stacked_chords_spread",
    "coincident_chords_resolved", "chord_symbols_repaired", "chord_symbols_unreadable", "chords_mapped_to_triad",
    "songs_with_inferred_chords", "midi_chord_text_events",
)


def why_nothing(result: LeadSheetFile) -> str:
    """In a few words, why a file gave no lead sheet."""
    if result.error:
        return f"unreadable: {result.error}"
    return next((text for key, text in _REASONS if result.counts.get(key)), "no notes")


@dataclass
class LeadSheetReport:
    """Totals over many files."""

    files: int = 0
    files_with_lead_sheets: int = 0
    lead_sheets: int = 0
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    skipped_files: list = field(default_factory=list)  # (file name, why), in the order read

    def add(self, result: LeadSheetFile) -> None:
        self.files += 1
        self.counts.update(result.counts)
        self.lead_sheets += len(result.lead_sheets)
        if result.lead_sheets:
            self.files_with_lead_sheets += 1
        else:
            self.skipped[why_nothing(result).split(" (")[0] if not result.error else "unreadable"] += 1
            self.skipped_files.append((result.path.name, why_nothing(result)))

    @property
    def share(self) -> float:
        """The share of files that gave at least one lead sheet."""
        return self.files_with_lead_sheets / self.files if self.files else 0.0

    def lines(self) -> list[str]:
        """The report as a few lines of text."""
        out = [f"{self.files} files, {self.files_with_lead_sheets} with lead sheets ({100 * self.share:.1f}%), "
               f"{self.lead_sheets} lead sheets"]
        repairs = [f"{key.replace('_', ' ')} {self.counts[key]}" for key in REPAIRS if self.counts.get(key)]
        if repairs:
            out.append("repaired: " + ", ".join(repairs))
        kinds = sorted((k.split(":", 1)[1], n) for k, n in self.counts.items() if k.startswith("chords_mapped_to_"
                                                                                             "triad:"))
        if kinds:
            out.append("mapped to triads: " + ", ".join(f"{kind} {n}" for kind, n in kinds))
        if self.skipped:
            out.append("skipped: " + ", ".join(f"{why} {n}" for why, n in self.skipped.most_common()))
            out += [f"  {name}: {why}" for name, why in self.skipped_files[:10]]
        return out


__all__ = ["REPAIRS", "why_nothing", "LeadSheetReport"]
