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
from composer_app.said import said

# Extraction counters, in words, for "no usable sequences" errors.
_REASONS = {
    "melodies_discarded_too_short": said("melodies shorter than {min_bars} bars"),
    "melodies_discarded_too_few_pitches": said("melodies with fewer than {min_unique_pitches} different pitches"),
    "polyphonic_tracks_discarded": said("polyphonic parts (chords; melodies must be one note at a time)"),
    "drum_tracks_discarded_too_short": said("drum parts shorter than {min_bars} bars"),
    "no_drum_tracks": said("songs without a drum track"),
    "no_melodic_tracks": said("songs without a melodic (non-drum) track"),
    "skipped_non_integer_steps_per_bar": said("songs in a time signature that does not fit the step grid"),
    "songs_without_chord_symbols": said("songs without chord symbols (Improv RNN trains on melodies over chords)"),
    "melodies_discarded_no_chords": said("melodies where no chord is written"),
    "polyphonic_tracks_discarded_too_short": said("passages shorter than 80 steps (five bars of 16ths)"),
    "polyphonic_tracks_discarded_too_long": said("passages longer than 512 steps (Polyphony RNN leaves them out)"),
    "polyphonic_tracks_discarded_more_than_1_program": said("pieces for more than one instrument (program)"),
    "performances_discarded_too_short": said("30-second spans with fewer than 32 performance events"),
    "performances_discarded_more_than_1_program": said("performances for more than one instrument (program)"),
}


def _joined(items: list) -> str:
    """said() items joined with "; ", each still translated."""
    text = items[0]
    for item in items[1:]:
        text = said("{items}; {item}").format(items=text, item=item)
    return text


def _reasons(stats: Counter, settings: ExtractorSettings) -> list:
    """What extraction left out, as "12 melodies shorter than 2 bars"."""
    return [said("{count} {reason}").format(count=stats[key], reason=why.format(**vars(settings)))
            for key, why in _REASONS.items() if stats.get(key)]


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
        shown = _joined([said("{path}: {problem}").format(path=Path(p).name, problem=why) for p, why in items])
        if len(self.unreadable) > limit:
            return said("skipped {count} unreadable file(s): {files} (and {more} more)").format(
                count=len(self.unreadable), files=shown, more=len(self.unreadable) - limit)
        return said("skipped {count} unreadable file(s): {files}").format(count=len(self.unreadable), files=shown)

    def summary(self, settings: ExtractorSettings) -> str:
        """What reading gave, and what it left out and why, in one line."""
        text = said("read {files} file(s): {train} training and {held_out} held-out sequences").format(
            files=self.files, train=self.train_sequences, held_out=self.eval_sequences)
        left_out = _reasons(self.stats, settings)
        if left_out:
            text = said("{summary}; left out {reasons}").format(summary=text, reasons=_joined(left_out))
        if self.unreadable:
            text = said("{items}; {item}").format(items=text, item=self.unreadable_summary())
        return text

    def why_nothing(self, settings: ExtractorSettings) -> str:
        parts = _reasons(self.stats, settings)
        return _joined(parts) if parts else said("no notes found")


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
            raise TrainingError(said("input folder {folder} does not exist").format(folder=str(folder)))
        files = find_sources([folder], tracks)
        if not files:
            raise TrainingError(said("{folder} holds no MIDI, MusicXML (.xml/.mxl), ABC or Humdrum files").format(
                folder=str(folder)))
        found += files
    if not found:
        raise TrainingError(said("no input given: name at least one folder of music files"))
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
    kind = (said("lead sheets") if config.needs_chords else said("melodies") if config.is_melody
            else said("polyphonic pieces") if config.family == "polyphony"
            else said("performances") if config.family == "performance" else said("drum tracks"))
    if len(report.unreadable) == len(results):
        raise TrainingError(said("none of the {count} file(s) could be read; {unreadable}").format(
            count=len(results), unreadable=report.unreadable_summary()))
    if not usable:
        raise TrainingError(said("no usable {kind} in {count} file(s): {why}").format(
            kind=kind, count=len(results), why=report.why_nothing(settings)))
    splits = held_out_split(usable, eval_ratio)
    train_seqs = [s for r, sp in zip(usable, splits) if sp == "train" for s in r.sequences]
    eval_seqs = [s for r, sp in zip(usable, splits) if sp == "eval" for s in r.sequences]
    if config.family == "performance":  # Magenta's eval pipeline neither stretches nor transposes
        eval_seqs = [s for s in eval_seqs if s.plain]
    if not train_seqs:
        # Too few files to hold some out: train on everything rather than refuse.
        train_seqs, eval_seqs = train_seqs + eval_seqs, []
        splits = ["train"] * len(usable)
    report.train_files, report.eval_files = splits.count("train"), splits.count("eval")
    train, held = encode_sequences(train_seqs, config), encode_sequences(eval_seqs, config)
    if not len(train):
        raise TrainingError(said("no usable {kind}: every extracted sequence was shorter than two steps").format(
            kind=kind))
    report.train_sequences, report.eval_sequences = len(train), len(held)
    report.train_steps, report.eval_steps = train.steps, held.steps
    return PreparedData(train, held, report)


def windowed(data: PreparedData, size: int, config: ModelConfig) -> PreparedData:
    """The training side cut into windows of at most `size` events, each a clean start for a performance; the
    held-out side stays whole."""
    from composer_app.models.training.pipelines.performance import window_keeper

    return PreparedData(data.train.windows(size, window_keeper(config)), data.eval, data.report)


def held_out_split(usable: list, eval_ratio: float) -> list[str]:
    """The side of each read file, keyed by its group (a piece's performances stay together) or else by its
    content: a moved, renamed or copied corpus holds out the same music, and a duplicate file can never sit on
    both sides."""
    keys = [f"group:{r.source.group}" if r.source.group else content_digest(r.source.path) or str(r.source.path)
            for r in usable]
    return split_by_source(keys, eval_ratio, [r.source.split for r in usable])
