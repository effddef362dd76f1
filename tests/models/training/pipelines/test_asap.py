"""ASAP folders: performances (not scores) as sources, every performance of a piece on the same side of the split."""

from __future__ import annotations

from collections import defaultdict

from composer_app.models.training.corpus import FileSequences, SourceFile, find_sources
from composer_app.models.training.data import held_out_split
from composer_app.models.training.pipelines.asap import asap_sources

HEADER = "composer,title,folder,xml_score,midi_score,midi_performance\n"


def _asap(tmp_path, pieces: int = 20, performers: int = 3):
    """A fake ASAP tree: each piece a folder with its score and performances, one piece in two folders."""
    rows = []
    for p in range(pieces):
        folders = [f"C/Set/{p}", f"C/Set/{p}_no_repeat"] if p == 0 else [f"C/Set/{p}"]
        for k in range(performers):
            folder = folders[k % len(folders)]
            (tmp_path / folder).mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / "midi_score.mid").write_bytes(b"MThd score")
            (tmp_path / folder / f"Pianist{k}.mid").write_bytes(f"performance {p} {k}".encode())
            rows.append(f"C,Piece_{p},{folder},{folder}/xml_score.musicxml,{folder}/midi_score.mid,"
                        f"{folder}/Pianist{k}.mid\n")
    (tmp_path / "metadata.csv").write_text(HEADER + "".join(rows))
    return tmp_path


def test_asap_folders_give_performances_grouped_by_piece(tmp_path):
    """Only the performances listed in metadata.csv are read, each grouped by (composer, title)."""
    sources = find_sources([_asap(tmp_path)])
    assert len(sources) == 60 and not [s for s in sources if s.path.name == "midi_score.mid"]
    assert {s.group for s in sources if "/0" in str(s.path)} == {"C|Piece_0"}
    assert asap_sources(tmp_path / "C") is None  # no metadata.csv: an ordinary folder
    assert asap_sources(tmp_path)[0] == (tmp_path / "C/Set/0/Pianist0.mid", "C|Piece_0")


def test_a_pieces_performances_fall_on_one_side(tmp_path):
    """With 20 pieces of 3 performances, about a tenth of the pieces is held out, each with all its performances
    (including the piece whose versions sit in two folders)."""
    sources = find_sources([_asap(tmp_path)])
    sides = held_out_split([FileSequences(s) for s in sources], 0.1)
    by_piece = defaultdict(set)
    for source, side in zip(sources, sides):
        by_piece[source.group].add(side)
    assert all(len(s) == 1 for s in by_piece.values())
    assert 1 <= sum(s == {"eval"} for s in by_piece.values()) < 20


def test_ungrouped_files_still_split_by_content(tmp_path):
    """Without a group, two copies of one file share a side, whatever their names."""
    for name in ("a.mid", "b.mid"):
        (tmp_path / name).write_bytes(b"the same bytes")
    copies = [FileSequences(SourceFile(tmp_path / n)) for n in ("a.mid", "b.mid")]
    assert len(set(held_out_split(copies, 0.5))) == 1
