#!/usr/bin/env python3
"""Build the glyph-damage set from the justified/pdftotext extractions.

For every corpora/extracted/justified/pdftotext/<doc>.txt this script injects,
at seeded random positions, the damaged glyphs that real PDF extractors
produce, and writes

  corpora/glyphs/<doc>.txt   the damaged text
  corpora/glyphs/<doc>.json  [{"offset", "len", "damaged", "expected", "kind"}, ...]

offset/len are UTF-8 byte offsets/lengths in the damaged file; "expected" is
what a perfect repair puts in place of the damaged bytes.

Damage kinds:
  kangxi     Kangxi radical (U+2F00-U+2FD5) for the unified ideograph it equals
             (EquivalentUnifiedIdeograph.txt), only where the ideograph has a
             Han neighbour on both sides
  compat     CJK compatibility ideograph (U+F900-U+FAFF) whose canonical
             decomposition (UnicodeData.txt) is the original ideograph
  fullwidth  full-width forms (U+FF10-U+FF5A) of an ASCII letter/digit run
  dash       U+2E3A TWO-EM DASH for "——"
  space      NBSP / U+3000 / U+2002 / ZWSP / soft hyphen inserted between two
             Han characters (expected "")
  bullet     private-use bullet U+F06C / U+F0B7 / U+F0A7 for a "•" at a line start

Usage:  python3 corpora/tools/make_glyph_damage.py [--seed N]
(run make_corpus.py first; needs Debian's unicode-data package, installed if missing)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from pathlib import Path

TOOLS_DIR = Path(__file__).resolve().parent
CORPORA = TOOLS_DIR.parent
INPUT = CORPORA / "extracted" / "justified" / "pdftotext"
OUTPUT = CORPORA / "glyphs"
UNICODE_DIR = Path("/usr/share/unicode")

SPACES = ["\u00a0", "\u3000", "\u2002", "\u200b", "\u00ad"]
PUA_BULLETS = ["\uf06c", "\uf0b7", "\uf0a7"]
DEFAULT_SEED = 20240301


def ensure_unicode_data() -> None:
    if (UNICODE_DIR / "EquivalentUnifiedIdeograph.txt").exists() and (UNICODE_DIR / "UnicodeData.txt").exists():
        return
    sys.path.insert(0, str(TOOLS_DIR))
    from make_corpus import ensure_apt  # installs unicode-data among others
    ensure_apt()


def load_kangxi() -> dict[str, list[str]]:
    """unified ideograph -> Kangxi radicals (U+2F00..U+2FD5) equivalent to it."""
    out: dict[str, list[str]] = {}
    for line in (UNICODE_DIR / "EquivalentUnifiedIdeograph.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        src, dst = (x.strip() for x in line.split(";"))
        lo, _, hi = src.partition("..")
        for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
            if 0x2F00 <= cp <= 0x2FD5:
                out.setdefault(chr(int(dst, 16)), []).append(chr(cp))
    return out


def load_compat() -> dict[str, list[str]]:
    """unified ideograph -> compatibility ideographs (U+F900..U+FAFF) decomposing to it."""
    out: dict[str, list[str]] = {}
    for line in (UNICODE_DIR / "UnicodeData.txt").read_text(encoding="utf-8").splitlines():
        f = line.split(";")
        cp = int(f[0], 16)
        if 0xF900 <= cp <= 0xFAFF and f[5] and not f[5].startswith("<"):
            parts = f[5].split()
            if len(parts) == 1:
                out.setdefault(chr(int(parts[0], 16)), []).append(chr(cp))
    return out


def is_han(c: str) -> bool:
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF)


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in s)


def damage(text: str, rng: random.Random, kangxi: dict, compat: dict) -> tuple[str, list[dict]]:
    n = len(text)
    used = [False] * (n + 1)   # characters (by index) already damaged or protected
    edits: list[tuple[int, int, str, str, str]] = []  # (start, end, damaged, expected, kind) on original

    def free(a: int, b: int) -> bool:
        return all(not used[i] for i in range(max(a, 0), min(b, n)))

    def take(a: int, b: int) -> None:
        for i in range(max(a, 0), min(b, n)):
            used[i] = True

    han_between = [i for i in range(1, n - 1) if is_han(text[i - 1]) and is_han(text[i]) and is_han(text[i + 1])]
    cand = {
        "kangxi": [i for i in han_between if text[i] in kangxi],
        "compat": [i for i in range(n) if text[i] in compat],
        "fullwidth": [m.span() for m in re.finditer(r"[A-Za-z0-9]+", text)],
        "dash": [m.start() for m in re.finditer("——", text)],
        # insertion point i = between text[i-1] and text[i], both Han
        "space": [i for i in range(1, n) if is_han(text[i - 1]) and is_han(text[i])],
        "bullet": [m.start() for m in re.finditer(r"(?m)^•", text)],
    }
    for v in cand.values():
        rng.shuffle(v)

    total = rng.randint(48, 72)
    # every "——" and line-start bullet is a candidate (they are rare); the rest is shared out
    quota = {"dash": min(len(cand["dash"]), rng.randint(2, 4)),
             "bullet": min(len(cand["bullet"]), rng.randint(2, 5))}
    rest = total - quota["dash"] - quota["bullet"]
    weights = {"kangxi": 0.32, "compat": 0.14, "fullwidth": 0.22, "space": 0.32}
    for k, w in weights.items():
        quota[k] = round(rest * w)

    for kind in ["dash", "bullet", "kangxi", "compat", "fullwidth", "space"]:
        made = 0
        for c in cand[kind]:
            if made >= quota[kind]:
                break
            if kind == "kangxi":
                i = c  # keep both Han neighbours intact
                if not free(i - 1, i + 2):
                    continue
                take(i - 1, i + 2)
                edits.append((i, i + 1, rng.choice(kangxi[text[i]]), text[i], kind))
            elif kind == "compat":
                i = c
                if not free(i, i + 1):
                    continue
                take(i, i + 1)
                edits.append((i, i + 1, rng.choice(compat[text[i]]), text[i], kind))
            elif kind == "fullwidth":
                a, b = c
                if b - a > 6:  # long runs: damage a piece, as when one glyph run uses another encoding
                    a = a + rng.randint(0, b - a - 1)
                    b = min(b, a + rng.randint(1, 6))
                if not free(a, b):
                    continue
                take(a, b)
                edits.append((a, b, fullwidth(text[a:b]), text[a:b], kind))
            elif kind == "dash":
                i = c
                if not free(i, i + 2):
                    continue
                take(i, i + 2)
                edits.append((i, i + 2, "\u2e3a", "——", kind))
            elif kind == "space":
                i = c
                if not free(i - 1, i + 1):
                    continue
                take(i - 1, i + 1)
                edits.append((i, i, rng.choice(SPACES), "", kind))
            elif kind == "bullet":
                i = c
                if not free(i, i + 1):
                    continue
                take(i, i + 1)
                edits.append((i, i + 1, rng.choice(PUA_BULLETS), "•", kind))
            made += 1

    edits.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    records = []
    pos = 0
    nbytes = 0
    for a, b, dmg, exp, kind in edits:
        chunk = text[pos:a]
        out.append(chunk)
        nbytes += len(chunk.encode("utf-8"))
        blen = len(dmg.encode("utf-8"))
        records.append({"offset": nbytes, "len": blen, "damaged": dmg, "expected": exp, "kind": kind})
        out.append(dmg)
        nbytes += blen
        pos = b
    out.append(text[pos:])
    return "".join(out), records


INVISIBLE = re.compile("[\u00a0\u00ad\u2002\u200b\u2e3a\u3000\ue000-\uf8ff\u2f00-\u2fd5\uf900-\ufaff]")


def dump_json(records: list[dict]) -> str:
    s = json.dumps(records, ensure_ascii=False, indent=1)
    # escape the damaged glyphs so the JSON is readable (still the same JSON value)
    return INVISIBLE.sub(lambda m: "\\u%04x" % ord(m.group(0)), s) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    ensure_unicode_data()
    kangxi, compat = load_kangxi(), load_compat()
    files = sorted(INPUT.glob("*.txt"))
    if not files:
        print(f"no input in {INPUT}; run make_corpus.py first", file=sys.stderr)
        return 1
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for f in files:
        text = f.read_bytes().decode("utf-8")
        rng = random.Random(args.seed ^ zlib.crc32(f.stem.encode()))
        damaged, records = damage(text, rng, kangxi, compat)
        data = damaged.encode("utf-8")
        # self-check: offsets point at the damaged bytes, and undoing them restores the input
        restored = bytearray()
        pos = 0
        for r in records:
            assert data[r["offset"]:r["offset"] + r["len"]].decode("utf-8") == r["damaged"]
            restored += data[pos:r["offset"]] + r["expected"].encode("utf-8")
            pos = r["offset"] + r["len"]
        restored += data[pos:]
        assert bytes(restored) == text.encode("utf-8"), f.name
        (OUTPUT / f.name).write_bytes(data)
        (OUTPUT / f"{f.stem}.json").write_text(dump_json(records), encoding="utf-8")
        kinds = {}
        for r in records:
            kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        print(f"{f.stem}: {len(records)} injections {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
