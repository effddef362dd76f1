"""Reading a corpus: one pure function from a source file to its training sequences, with an on-disk cache."""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from composer_app.atomic_file import write_atomically
from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.rnn.extraction import ExtractorSettings, extract_sequences, lead_sheet_settings, reads_triads
from composer_app.said import said

# Bump when extraction or the cached form changes, so stale caches are not reused.
EXTRACTION_VERSION = 1
LEAD_SHEET_VERSION = 1  # of composer_app.music.leadsheets, whose extraction Improv RNN configs use
TIMED_VERSION = 1  # of models/training/pipelines (Polyphony and Performance RNN)
TRACK_SELECTORS = ("all", "first")
CACHE_FORMAT = 1  # the layout of a cache entry's JSON
CACHE_SUFFIX = ".json.z"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "composer-app" / "corpus"


@dataclass(frozen=True)
class SourceFile:
    """One file of a corpus; `split` forces "train" or "eval" (a dataset's own split), else it is drawn: by
    `group` where given (several performances of one piece fall on one side), else by the file's content."""

    path: Path
    tracks: str = "all"
    split: str | None = None
    group: str | None = None


@dataclass
class FileSequences:
    """What one source file gave: raw extracted event lists (before squashing), stats, or why it failed.

    For Improv RNN each sequence is a (melody events, chord figures) pair of equal length.
    """

    source: SourceFile
    sequences: list = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    songs: int = 0
    error: str | None = None


def extraction_key(config: ModelConfig, settings: ExtractorSettings) -> tuple:
    """Extraction depends on the event family and time grid only: the melody configs share one cache."""
    if config.is_timed:  # Magenta's own pipelines, with fixed bounds: the performance configs share by bins
        return (TIMED_VERSION, config.family, config.steps_per_quarter, config.num_velocity_bins)
    if config.needs_chords:  # lead sheets: the triad configs map chords, the chord-pitch one keeps them
        return (LEAD_SHEET_VERSION, "improv", reads_triads(config), config.steps_per_quarter, settings.min_bars,
                settings.max_steps, settings.gap_bars, settings.infer_chords)
    return (EXTRACTION_VERSION, config.family, config.steps_per_quarter, settings.min_bars, settings.max_steps,
            settings.min_unique_pitches, settings.gap_bars, settings.ignore_polyphonic_notes)


def extract_file(source: SourceFile, config: ModelConfig, settings: ExtractorSettings = ExtractorSettings()
                 ) -> FileSequences:
    """The pure per-file step: read every piece in the file and extract its melodies or drum tracks."""
    from composer_app.models.training.pipelines.performance import performance_pieces
    from composer_app.music.errors import MusicFileError
    from composer_app.music.io import read_songs
    from composer_app.music.leadsheets.extract import extract_lead_sheets
    from composer_app.music.leadsheets.sources import read_lead_sheet_songs

    result = FileSequences(source)
    try:
        songs = (read_lead_sheet_songs(source.path, result.stats,
                                       first_part=source.tracks == "first" and not settings.infer_chords)
                 if config.needs_chords else performance_pieces(source.path) if config.family == "performance"
                 else read_songs(source.path))
    except MusicFileError as exc:
        result.error = exc.problem
        return result
    except Exception as exc:  # a parser crash on one bad file must not stop a whole corpus
        result.error = said("could not be read ({error})").format(error=f"{type(exc).__name__}: {exc}")
        return result
    result.songs = len(songs)
    if config.is_timed:
        return _extract_timed(songs, config, result)
    if config.needs_chords:
        for song in songs:
            sheets, counts = extract_lead_sheets(song, lead_sheet_settings(config, settings, source.tracks))
            result.stats.update(counts)
            result.sequences += [(list(s.melody), list(s.chords)) for s in sheets]
        return result
    for song in songs:
        if source.tracks == "first" and config.is_melody:
            melodic = [t for t in song.tracks if not t.is_drum][:1]
            song = song.replace(tracks=tuple(melodic))
        sequences, stats = extract_sequences(song, config, settings)
        result.stats.update(stats)
        result.sequences += [list(s) for s in sequences]
    return result


def _extract_timed(songs, config: ModelConfig, result: FileSequences) -> FileSequences:
    from composer_app.models.training.pipelines.performance import extract_performances
    from composer_app.models.training.pipelines.polyphony import extract_polyphony

    for song in songs:
        sequences, stats = (extract_polyphony(song, config.steps_per_quarter) if config.family == "polyphony"
                            else extract_performances(song, config.num_velocity_bins))
        result.stats.update(stats)
        result.sequences += sequences
    return result


def content_digest(path: Path) -> str | None:
    """SHA-1 of a file's bytes (None when it cannot be read): what the cache and the held-out split key on."""
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


class CorpusCache:
    """One zlib-compressed JSON entry per (file content, extraction key), so a rerun or a resumed run skips parsing.

    Keyed by the file's bytes rather than its path and time stamp, so a copied, moved or re-downloaded corpus
    still hits the cache. Entries are plain data read with json: a planted or damaged cache file can at worst
    be a miss, never run code. Older versions' `.pkz` entries are never read.
    """

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else default_cache_dir()

    def _entry(self, source: SourceFile, key: tuple) -> Path | None:
        digest = content_digest(source.path)
        if digest is None:
            return None
        ident = repr(("content", digest, source.path.suffix.lower(), source.tracks, key) + _companions(source, key))
        return self.folder / (hashlib.sha1(ident.encode()).hexdigest() + CACHE_SUFFIX)

    def get(self, source: SourceFile, key: tuple) -> FileSequences | None:
        entry = self._entry(source, key)
        if entry is None or not entry.exists():
            return None
        try:
            data = json.loads(zlib.decompress(entry.read_bytes()).decode("utf-8"))
            return _from_plain(source, data)
        except (OSError, zlib.error, UnicodeDecodeError, ValueError, TypeError, KeyError):
            return None  # a damaged entry is a miss: the file is parsed again and the entry rewritten

    def put(self, result: FileSequences, key: tuple) -> None:
        entry = self._entry(result.source, key)
        if entry is None:
            return
        data = zlib.compress(json.dumps(_to_plain(result), separators=(",", ":")).encode("utf-8"))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, lambda fh: fh.write(data))
        except OSError:
            pass  # caching is an optimisation; a read-only or full cache disk must not fail training


def _companions(source: SourceFile, key: tuple) -> tuple:
    """For lead sheets, the digest of a score's harmony analysis (its chords come from there): a new or edited
    analysis is a cache miss. Empty otherwise, so entries made before analyses were read stay valid."""
    if key[1:2] != ("improv",):
        return ()
    from composer_app.music.leadsheets.roman_analyses import ANALYSIS_VERSION, analysis_path

    found = analysis_path(source.path)
    return ("analysis", ANALYSIS_VERSION, content_digest(found)) if found else ()


def _to_plain(result: FileSequences) -> dict:
    """JSON-ready: a melody event is an int, a drum event (a set of pitches) a sorted list, a lead sheet a dict."""
    sequences = [{"events": [list(e) for e in seq.events], "plain": seq.plain} if hasattr(seq, "plain")
                 else {"melody": seq[0], "chords": seq[1]} if isinstance(seq, tuple)
                 else [e if isinstance(e, int) else sorted(e) for e in seq] for seq in result.sequences]
    return {"format": CACHE_FORMAT, "sequences": sequences, "stats": dict(result.stats), "songs": result.songs,
            "error": result.error}


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _from_plain(source: SourceFile, data) -> FileSequences:
    """The cached result, checked field by field; ValueError for anything this version did not write."""
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        raise ValueError("not a cache entry of this version")
    sequences, stats, songs, error = data["sequences"], data["stats"], data["songs"], data["error"]
    if not (isinstance(sequences, list) and isinstance(stats, dict) and _is_int(songs)
            and (error is None or isinstance(error, str))
            and all(isinstance(k, str) and _is_int(v) for k, v in stats.items())):
        raise ValueError("wrongly typed cache entry")
    decoded = []
    for seq in sequences:
        if isinstance(seq, dict) and "events" in seq:
            decoded.append(_timed_from_plain(seq))
            continue
        if isinstance(seq, dict):
            melody, chords = seq["melody"], seq["chords"]
            if not (isinstance(melody, list) and isinstance(chords, list) and len(melody) == len(chords)
                    and all(_is_int(e) for e in melody) and all(isinstance(c, str) for c in chords)):
                raise ValueError("a lead sheet is not melody events and chord figures of one length")
            decoded.append((melody, chords))
            continue
        if not isinstance(seq, list):
            raise ValueError("a sequence is not a list")
        events = []
        for e in seq:
            if _is_int(e):
                events.append(e)
            elif isinstance(e, list) and all(_is_int(p) for p in e):
                events.append(frozenset(e))
            else:
                raise ValueError("an event is neither a pitch nor a set of pitches")
        decoded.append(events)
    return FileSequences(source, decoded, Counter(stats), songs, error)


def _timed_from_plain(seq: dict):
    """A Polyphony or Performance RNN sequence: [type, value] events (value an int, or None) and its plain flag."""
    from composer_app.models.training.pipelines.polyphony import TimedSequence

    events, plain = seq["events"], seq["plain"]
    if not (isinstance(events, list) and isinstance(plain, bool)
            and all(isinstance(e, list) and len(e) == 2 and _is_int(e[0]) and (e[1] is None or _is_int(e[1]))
                    for e in events)):
        raise ValueError("a timed sequence is not [type, value] events and a plain flag")
    return TimedSequence(tuple(tuple(e) for e in events), plain)


def _extract_and_cache(args) -> FileSequences:
    source, config_id, settings, cache_folder = args
    from composer_app.models.rnn.configs import get_config

    config = get_config(config_id)
    result = extract_file(source, config, settings)
    if cache_folder is not None:
        CorpusCache(cache_folder).put(result, extraction_key(config, settings))
    return result


# One tuple object per distinct Polyphony/Performance event, shared by every sequence of a corpus: ASAP's 325,000
# augmented performances hold a few hundred distinct events 130 million times, and a tuple each took 13 GB.
_SHARED_EVENTS: dict = {}


def _shared_events(result: FileSequences) -> FileSequences:
    """The result with its timed sequences' events replaced by the shared tuples (melodies are left as they are)."""
    from composer_app.models.training.pipelines.polyphony import TimedSequence

    if result.sequences and isinstance(result.sequences[0], TimedSequence):
        shared = _SHARED_EVENTS
        result.sequences = [TimedSequence(tuple([shared.setdefault(e, e) for e in s.events]), s.plain)
                            for s in result.sequences]
    return result


def read_corpus(sources: list[SourceFile], config: ModelConfig, settings: ExtractorSettings = ExtractorSettings(),
                cache: CorpusCache | None = None, workers: int = 1, progress=None, cancelled=None
                ) -> list[FileSequences]:
    """Extract every source file (from the cache where possible), in the order given."""
    key = extraction_key(config, settings)
    results: dict[int, FileSequences] = {}
    todo = []
    for i, source in enumerate(sources):
        hit = cache.get(source, key) if cache else None
        if hit is not None:
            results[i] = _shared_events(hit)
        else:
            todo.append(i)
    done = len(results)
    cache_folder = cache.folder if cache else None
    jobs = [(sources[i], config.id, settings, cache_folder) for i in todo]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(workers) as pool:
            for i, result in zip(todo, pool.map(_extract_and_cache, jobs, chunksize=4)):
                results[i] = _shared_events(result)
                done += 1
                if progress:
                    progress(done, len(sources), result.source.path)
                if cancelled and cancelled():
                    pool.shutdown(cancel_futures=True)
                    break
    else:
        for i, job in zip(todo, jobs):
            if cancelled and cancelled():
                break
            results[i] = _shared_events(_extract_and_cache(job))
            done += 1
            if progress:
                progress(done, len(sources), job[0].path)
    return [results[i] for i in sorted(results)]


def find_sources(folders, tracks: str = "all") -> list[SourceFile]:
    """Every readable music file under the folders (recursively), sorted for a stable split; an ASAP folder gives
    its performances, grouped by piece."""
    from composer_app.models.training.pipelines.asap import asap_sources
    from composer_app.music.io import is_readable

    found = []
    for folder in folders:
        folder = Path(folder)
        if folder.is_file():
            found.append(SourceFile(folder, tracks))
            continue
        listed = asap_sources(folder)
        if listed is not None:
            found += [SourceFile(path, tracks, group=piece) for path, piece in listed]
            continue
        found += [SourceFile(p, tracks) for p in sorted(folder.rglob("*")) if p.is_file() and is_readable(p)]
    return found
