"""From a training request's folders to encoded train/eval sets, with a report of what was skipped and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.rnn.extraction import ExtractorSettings
from composer_app.models.training.corpus import CorpusCache, SourceFile, content_digest, find_sources, read_corpus
from composer_app.models.training.dataset import EncodedSet, encode_sequences, split_by_source
from composer_app.models.training.errors import TrainingError

# Extraction counters, in words, for "no usable sequences" errors.
_REASONS = {
    "melodies_discarded_too_short": "melodies shorter than {min_bars} bars",
    "melodies_discarded_too_few_pitches": "melodies with fewer than {min_unique_pitches} different pitches",
    "polyphonic_tracks_discarded": "polyphonic parts (chords; melodies must be one note at a time)",
    "drum_tracks_discarded_too_short": "drum parts shorter than {min_bars} bars",
    "no_drum_tracks": "songs without a drum track",
    "no_melodic_tracks": "songs without a melodic (non-drum) track",
    "skipped_non_integer_steps_per_bar": "songs in a time signature that does not fit the step grid",
    "songs_without_chord_symbols": "songs without chord symbols (Improv RNN trains on melodies over chords)",
    "melodies_discarded_no_chords": "melodies where no chord is written",
}


@dataclass
class CorpusReport:
    files: int = 0
    songs: int = 0
    unreadable: dict = field(default_factory=dict)
    stats: Counter = field(default_factory=Counter)
    train_files: int = 0
    eval_files: int = 0
    train_sequences: int = 0
    eval_sequences: int = 0
    train_steps: int = 0
    eval_steps: int = 0

    def unreadable_summary(self, limit: int = 3) -> str:
        if not self.unreadable:
            return ""
        items = list(self.unreadable.items())[:limit]
        shown = "; ".join(f"{Path(p).name}: {why}" for p, why in items)
        more = f" (and {len(self.unreadable) - limit} more)" if len(self.unreadable) > limit else ""
        return f"skipped {len(self.unreadable)} unreadable file(s): {shown}{more}"

    def summary(self, settings: ExtractorSettings) -> str:
        """What reading gave, and what it left out and why, in one line."""
        text = (f"read {self.files} file(s): {self.train_sequences} training and {self.eval_sequences} held-out "
                f"sequences")
        left_out = [f"{self.stats[key]} {why.format(**vars(settings))}" for key, why in _REASONS.items()
                    if self.stats.get(key)]
        if left_out:
            text += "; left out " + "; ".join(left_out)
        if self.unreadable:
            text += "; " + self.unreadable_summary()
        return text

    def why_nothing(self, settings: ExtractorSettings) -> str:
        parts = [f"{self.stats[key]} {text.format(**vars(settings))}" for key, text in _REASONS.items() if self.stats.get(key)]
        return "; ".join(parts) if parts else "no notes found"


@dataclass
class PreparedData:
    train: EncodedSet
    eval: EncodedSet
    report: CorpusReport


def gather_sources(inputs, sources, tracks: str = "all") -> list[SourceFile]:
    """Files from the input folders (checked) plus any explicit SourceFiles."""
    found = list(sources or [])
    for folder in inputs or ():
        folder = Path(folder)
        if not folder.exists():
            raise TrainingError(f"input folder {folder} does not exist")
        files = find_sources([folder], tracks)
        if not files:
            raise TrainingError(f"{folder} holds no MIDI, MusicXML (.xml/.mxl), ABC or Humdrum files")
        found += files
    if not found:
        raise TrainingError("no input given: name at least one folder of music files")
    return found


def prepare_data(config: ModelConfig, sources: list[SourceFile], eval_ratio: float,
                 settings: ExtractorSettings = ExtractorSettings(), cache: CorpusCache | None = None,
                 workers: int = 1, progress=None, cancelled=None) -> PreparedData:
    """Extract (cached), split by source file, and encode."""
    results = read_corpus(sources, config, settings, cache=cache, workers=workers, progress=progress,
                          cancelled=cancelled)
    report = CorpusReport(files=len(results))
    usable = []
    for r in results:
        report.stats.update(r.stats)
        report.songs += r.songs
        if r.error:
            report.unreadable[str(r.source.path)] = r.error
        elif r.sequences:
            usable.append(r)
    kind = "lead sheets" if config.needs_chords else "melodies" if config.is_melody else "drum tracks"
    if len(report.unreadable) == len(results):
        raise TrainingError(f"none of the {len(results)} file(s) could be read; {report.unreadable_summary()}")
    if not usable:
        raise TrainingError(f"no usable {kind} in {len(results)} file(s): {report.why_nothing(settings)}")
    splits = held_out_split(usable, eval_ratio)
    train_seqs = [s for r, sp in zip(usable, splits) if sp == "train" for s in r.sequences]
    eval_seqs = [s for r, sp in zip(usable, splits) if sp == "eval" for s in r.sequences]
    if not train_seqs:
        # Too few files to hold some out: train on everything rather than refuse.
        train_seqs, eval_seqs = train_seqs + eval_seqs, []
        splits = ["train"] * len(usable)
    report.train_files, report.eval_files = splits.count("train"), splits.count("eval")
    train, held = encode_sequences(train_seqs, config), encode_sequences(eval_seqs, config)
    if not len(train):
        raise TrainingError(f"no usable {kind}: every extracted sequence was shorter than two steps")
    report.train_sequences, report.eval_sequences = len(train), len(held)
    report.train_steps, report.eval_steps = train.steps, held.steps
    return PreparedData(train, held, report)


def held_out_split(usable: list, eval_ratio: float) -> list[str]:
    """The side of each read file, keyed by its content: a moved, renamed or copied corpus holds out the same
    music, and a duplicate file can never sit on both sides."""
    keys = [content_digest(r.source.path) or str(r.source.path) for r in usable]
    return split_by_source(keys, eval_ratio, [r.source.split for r in usable])
