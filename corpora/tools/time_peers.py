#!/usr/bin/env python3
"""Time the programs around zhtidy on the corpus: the six extractors that
produce its input, from the corpus PDFs, and ftfy, the general text cleaner,
on their output.

zhtidy sits after an extractor in every pipeline, so what its speed must be
measured against is theirs: how much of the time of "PDF in, clean text out"
the repair takes. `zhtidy-bench peers` runs this script and times zhtidy on
the same extracted text in the same run; run alone, it prints its JSON.

Usage:  python3 corpora/tools/time_peers.py [--repeat N] [--jobs N] [--skip-install]

It installs what make_corpus.py needs and ftfy (pinned) when missing, and
typesets the corpus PDFs into corpora/build/ (not committed) from the
sources, as make_corpus.py does, so that the timed PDFs are the ones the
committed extractions came from. Each extractor reads every PDF, one after
another in this process, as a batch job would: pdftotext as a child process
per PDF, the Python extractors as library calls. The corpus's PDFs are
short (3 to 8 pages), so each extractor also reads one PDF of them all,
merged, where starting up costs nothing beside the pages. Times are CPU
seconds (this process and its children), the best of --repeat runs.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
from importlib.metadata import version

import make_corpus as mc

# module name -> pip requirement (kept in sync with requirements.txt)
PEER_MODULES = {"ftfy": "ftfy==6.3.1"}


def cpu_seconds() -> float:
    """CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(repeat: int, run) -> tuple[float, int]:
    """The least CPU time of `repeat` calls of `run`, and what it returned."""
    best, result = float("inf"), 0
    for _ in range(max(1, repeat)):
        start = cpu_seconds()
        result = run()
        best = min(best, cpu_seconds() - start)
    return best, result


def merge(pdfs: list[str], out: str) -> None:
    """Write one PDF of all the pages of `pdfs`, in order."""
    import pymupdf
    with pymupdf.open() as doc:
        for pdf in pdfs:
            with pymupdf.open(pdf) as part:
                doc.insert_pdf(part)
        doc.save(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best is kept")
    ap.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1), help="typesetting workers")
    ap.add_argument("--skip-install", action="store_true")
    args = ap.parse_args()

    if not args.skip_install:
        mc.ensure_apt()
        mc.ensure_pip(mc.PIP_MODULES | PEER_MODULES)
    import ftfy

    sources = sorted(mc.SOURCES.glob("*.txt"))
    pdfs = [b["pdf"] for b in mc.typeset(mc.typeset_jobs(sources, sources), args.jobs)]
    merged = str(mc.BUILD / "all.pdf")
    merge(pdfs, merged)
    # Load every library once before timing, as a batch job would.
    for extractor in mc.EXTRACTORS:
        mc.extract(pdfs[0], extractor)

    extractors = []
    for extractor in mc.EXTRACTORS:
        seconds, nbytes = best_of(args.repeat, lambda: sum(len(mc.extract(p, extractor)) for p in pdfs))
        merged_seconds, merged_bytes = best_of(args.repeat, lambda: len(mc.extract(merged, extractor)))
        texts = [(mc.EXTRACTED / layout / extractor / f"{stem}.txt").read_text(encoding="utf-8")
                 for layout in mc.LAYOUTS for stem in (s.stem for s in sources)]
        ftfy_seconds, _ = best_of(args.repeat, lambda: sum(len(ftfy.fix_text(t)) for t in texts))
        extractors.append({
            "extractor": extractor,
            "pdfs": len(pdfs),
            "text_bytes": nbytes,
            "extract_cpu_seconds": seconds,
            "merged_text_bytes": merged_bytes,
            "merged_cpu_seconds": merged_seconds,
            "extracted_bytes": sum(len(t.encode("utf-8")) for t in texts),
            "ftfy_cpu_seconds": ftfy_seconds,
        })
        print(f"timed {extractor}", file=sys.stderr, flush=True)
    versions = mc.tool_versions() | {"ftfy": version("ftfy")}
    json.dump({"tool_versions": versions, "repeat": args.repeat, "extractors": extractors}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
