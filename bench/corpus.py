"""A synthetic corpus of >= 10 MB, built deterministically from the seed articles.

Each synthetic article takes the paragraphs of ONE seed (so the traditional-Chinese
seed stays traditional and the publication date still fits the text), shuffled and
repeated with a fixed seed until the article is 5-15 KB. Seeds are drawn uniformly,
so about a fifth of the corpus is the traditional seed and a fifth is the seed with
no publication date. Benchmarks for dates, places and events share it.

    .venv/bin/python -m bench.corpus                 # writes bench/out/corpus/
    .venv/bin/python -m bench.corpus --bytes 2000000 --out /tmp/small
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import sys
from pathlib import Path

__all__ = ["Article", "build_corpus", "seed_articles", "write_corpus", "REPO", "OUT"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
OUT = REPO / "bench" / "out"
ARTICLE_BYTES = (5_000, 15_000)

Article = tuple[str, str, dt.date | None]  # (doc name, text, publication date)

# A paragraph ends at a line break, or at whitespace after a sentence end: seed 003
# puts its whole body on one line with paragraphs separated by spaces.
_PARAGRAPH_BREAK = re.compile(r"\n+|(?<=[。！？!?”」])[ \t\u3000\xa0]+")


def seed_articles(seeds_dir: Path = SEEDS) -> list[Article]:
    """Load the seed articles with the publication dates read from their own stamps.

    Raises:
        FileNotFoundError: ``seeds_dir`` holds no loadable article.
    """
    from timeline.text.loading import load_paths  # keeps `import bench.corpus` light

    docs = load_paths([seeds_dir]).documents
    if not docs:
        raise FileNotFoundError(f"no seed articles in {seeds_dir}; run from the repository root")
    return [(d.doc, d.text, d.publication_date) for d in docs]


def _paragraphs(text: str) -> list[str]:
    return [p.rstrip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def build_corpus(
    target_bytes: int = 10_000_000, seed: int = 0, *, seeds_dir: Path = SEEDS
) -> list[Article]:
    """Build synthetic articles until their UTF-8 size reaches ``target_bytes``.

    Parameters:
        target_bytes: the corpus stops at the first article that reaches this total.
        seed: the random seed; the same (target_bytes, seed, seeds) give the same corpus.
        seeds_dir: the folder of seed articles.

    Returns:
        ``[(doc, text, publication_date), ...]``; doc names are ``syn_00000_<seed stem>.txt``,
        the date is the source seed's (``None`` where the seed has none).

    Raises:
        ValueError: ``target_bytes`` is not positive.
        FileNotFoundError: no seed articles.
    """
    if target_bytes <= 0:
        raise ValueError(f"target_bytes must be positive, got {target_bytes}")
    rng = random.Random(seed)
    sources = [(doc, _paragraphs(text), pub) for doc, text, pub in seed_articles(seeds_dir)]
    corpus: list[Article] = []
    total = 0
    while total < target_bytes:
        doc, paragraphs, pub = rng.choice(sources)
        want = rng.randint(*ARTICLE_BYTES)
        parts: list[str] = []
        size = 0
        while size < want:
            batch = paragraphs[:]
            rng.shuffle(batch)
            for p in batch:
                parts.append(p)
                size += len(p.encode("utf-8")) + 1
                if size >= want:
                    break
        text = "\n".join(parts) + "\n"
        corpus.append((f"syn_{len(corpus):05d}_{Path(doc).stem[:3]}.txt", text, pub))
        total += len(text.encode("utf-8"))
    return corpus


def write_corpus(corpus: list[Article], out_dir: Path) -> Path:
    """Write each article as ``<doc>`` and the dates as ``meta.csv`` (the ``--meta`` format).

    Returns:
        the path of ``meta.csv``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc, text, _pub in corpus:
        (out_dir / doc).write_text(text, encoding="utf-8")
    meta = out_dir / "meta.csv"
    with meta.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc", "publication_date"])
        for doc, _text, pub in corpus:
            w.writerow([doc, pub.isoformat() if pub else ""])
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    ap.add_argument("--bytes", type=int, default=10_000_000, help="target UTF-8 size (default 10 MB)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--out", type=Path, default=OUT / "corpus", help="output folder")
    args = ap.parse_args(argv)
    try:
        corpus = build_corpus(args.bytes, args.seed)
    except (ValueError, FileNotFoundError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    meta = write_corpus(corpus, args.out)
    size = sum(len(t.encode("utf-8")) for _, t, _ in corpus)
    chars = sum(len(t) for _, t, _ in corpus)
    print(f"{len(corpus)} articles, {size:,} bytes, {chars:,} characters -> {args.out} ({meta.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
