#!/usr/bin/env python3
"""Typeset the ground-truth sources into real PDFs and extract them again.

For every corpora/sources/NN-slug.txt (one block per line) this script

  1. typesets the document with Typst into four layouts (justified, twocol,
     spaced, smallpage) using real CJK fonts, writing the PDFs under
     corpora/build/ (not committed);
  2. extracts every PDF with six real extractors (pdftotext, pdftotext -layout,
     PyMuPDF, pdfminer.six, pdfplumber, pypdf) and writes their output byte for
     byte to corpora/extracted/<layout>/<extractor>/<doc>.txt;
  3. writes corpora/extracted/manifest.json describing every extracted file.

The script installs what it needs (Debian packages via apt-get, Python
packages via pip) and skips that step quickly when everything is present.

Usage:  python3 corpora/tools/make_corpus.py [--jobs N] [--docs 01,05] [--sources DIR]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

TOOLS_DIR = Path(__file__).resolve().parent
CORPORA = TOOLS_DIR.parent
SOURCES = CORPORA / "sources"
BUILD = CORPORA / "build"
EXTRACTED = CORPORA / "extracted"

APT_PACKAGES = ["poppler-utils", "fonts-noto-cjk", "fonts-wqy-zenhei",
                "fonts-arphic-uming", "unicode-data"]
# module name -> pip requirement (kept in sync with requirements.txt)
PIP_MODULES = {
    "typst": "typst==0.15.2",
    "pymupdf": "pymupdf==2.0",
    "pdfminer": "pdfminer.six==20260107",
    "pdfplumber": "pdfplumber==0.11.10",
    "pypdf": "pypdf==7.1.1",
}

FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/wqy",
             "/usr/share/fonts/truetype/arphic"]

# Body fonts, alternated by document.  "heading" is the family used for
# headings; "fake_bold" means the family has no bold face, so headings are
# emboldened with a thin glyph outline stroke as many real producers do.
FONTS = [
    {"name": "Noto Serif CJK SC", "file": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
     "heading": "Noto Sans CJK SC", "fake_bold": False},
    {"name": "WenQuanYi Zen Hei", "file": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
     "heading": "WenQuanYi Zen Hei", "fake_bold": True},
    {"name": "AR PL UMing CN", "file": "/usr/share/fonts/truetype/arphic/uming.ttc",
     "heading": "Noto Sans CJK SC", "fake_bold": False},
    {"name": "Noto Sans CJK SC", "file": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
     "heading": "Noto Sans CJK SC", "fake_bold": False},
]
FALLBACK_FONTS = ["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei"]

# Page-number footer styles.  "format" uses {n} (page) and {total}.
PAGE_STYLES = [
    {"id": "emdash", "format": "— {n} —"},
    {"id": "hyphen", "format": "- {n} -"},
    {"id": "di-ye-gong", "format": "第 {n} 页 共 {total} 页"},
    {"id": "plain", "format": "{n}"},
    {"id": "di-ye", "format": "第{n}页"},
    {"id": "slash", "format": "{n} / {total}"},
]

LAYOUTS = ["justified", "twocol", "spaced", "smallpage"]
EXTRACTORS = ["pdftotext", "pdftotext-layout", "pymupdf", "pdfminer", "pdfplumber", "pypdf"]

# Typst's PDF creation date is pinned so that builds are reproducible.
FIXED_TIMESTAMP = int(_dt.datetime(2024, 3, 1, 9, 0, tzinfo=_dt.timezone.utc).timestamp())


# --------------------------------------------------------------------------
# tool installation
# --------------------------------------------------------------------------

def _apt_lock_wait(timeout: float = 900.0) -> None:
    """Wait while another apt/dpkg process holds the lock."""
    start = time.time()
    while time.time() - start < timeout:
        busy = subprocess.run(["sh", "-c", "pgrep -x apt-get || pgrep -x dpkg || pgrep -x apt"],
                              capture_output=True).returncode == 0
        if not busy:
            return
        print("  waiting for another apt/dpkg process ...", flush=True)
        time.sleep(10)


def ensure_apt() -> None:
    need = []
    if not shutil.which("pdftotext"):
        need.append("poppler-utils")
    for f, pkg in [(FONTS[0]["file"], "fonts-noto-cjk"), (FONTS[1]["file"], "fonts-wqy-zenhei"),
                   (FONTS[2]["file"], "fonts-arphic-uming"),
                   ("/usr/share/unicode/EquivalentUnifiedIdeograph.txt", "unicode-data")]:
        if not os.path.exists(f):
            need.append(pkg)
    if not need:
        return
    print(f"installing Debian packages: {' '.join(need)}", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _apt_lock_wait()
    subprocess.run(sudo + ["apt-get", "update", "-q"], check=True, env=env)
    _apt_lock_wait()
    subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + need,
                   check=True, env=env)


def ensure_pip(modules: dict[str, str] = PIP_MODULES) -> None:
    """Install the pinned Python packages unless exactly those versions are present."""
    from importlib.metadata import PackageNotFoundError, version

    missing = []
    for mod, req in modules.items():
        dist, want = req.split("==")
        try:
            if version(dist) != want:
                missing.append(req)
        except PackageNotFoundError:
            missing.append(req)
    if not missing:
        return
    print(f"installing Python packages: {' '.join(missing)}", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + missing, check=True)
    importlib.invalidate_caches()


def tool_versions() -> dict:
    import pdfminer
    import pdfplumber
    import pymupdf
    import pypdf
    from importlib.metadata import version

    out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    m = re.search(r"pdftotext version (\S+)", out.stdout + out.stderr)
    return {
        "typst": version("typst"),
        "pdftotext": "poppler " + (m.group(1) if m else "unknown"),
        "pymupdf": f"{pymupdf.VersionBind} (MuPDF {pymupdf.VersionFitz})",
        "pdfminer": getattr(pdfminer, "__version__", version("pdfminer.six")),
        "pdfplumber": pdfplumber.__version__,
        "pypdf": pypdf.__version__,
    }


# --------------------------------------------------------------------------
# source parsing
# --------------------------------------------------------------------------

CN_NUM = "一二三四五六七八九十百零〇"
RE_H1 = re.compile(rf"^(第[{CN_NUM}\d]+[章部篇]|[{CN_NUM}]+、|附录|前言$|引言$|结语$|概述$|\d{{1,2}}\s+[^\d\s.]|题目[：:])")
RE_H2 = re.compile(rf"^(（[{CN_NUM}]+）|\([{CN_NUM}]+\)|第[{CN_NUM}\d]+节|\d+\.\d+(?!\.\d)\s*[^\d\s.])")
RE_H3 = re.compile(r"^\d+\.\d+\.\d+")
RE_BULLET = re.compile(r"^[•●▪■◆◇○◦·‣⁃\-–*]\s*")
RE_NUMITEM = re.compile(r"^(\d{1,2}[\.、．)）]\s*(?!\d)|（\d{1,2}）|\(\d{1,2}\)|[①-⑳]|[a-zA-Z][\.)）]\s)")
RE_TABLE = re.compile(r"\t|\s\|\s|^\|")
RE_BYLINE = re.compile(r"^(本报记者|本刊记者|记者|通讯员|作者|文[／/]|主办|编制单位|编印|来源|责任编辑)")
RE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
SENT_END = "。！？；：.!?;:…，,"


def classify(lines: list[str]) -> list[dict]:
    """Give every source line a block kind: title, meta, h1, h2, h3, item, table, sign, para."""
    blocks = []
    seen_body = False
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        short = len(s) <= 40
        ends_open = s[-1] not in SENT_END
        sentence = any(c in s for c in "。；，") and not s.startswith("题目")
        if i == 0:
            kind = "title"
        elif RE_TABLE.search(s):
            kind = "table"
        elif RE_BULLET.match(s) or (RE_NUMITEM.match(s) and not RE_H3.match(s) and not RE_H2.match(s)):
            kind = "item"
        elif RE_BYLINE.match(s) and short:
            kind = "meta"
        elif not seen_body and short and not sentence and not RE_H1.match(s) and not RE_H2.match(s):
            kind = "meta"
        elif RE_H3.match(s) and short and not sentence:
            kind = "h3"
        elif RE_H1.match(s) and short and not sentence:
            kind = "h1"
        elif RE_H2.match(s) and short and not sentence:
            kind = "h2"
        elif (short and ends_open and len(s) <= 30 and not sentence and "：" not in s[:-1]
              and s.count(" ") < 2 and not RE_DATE.match(s)):
            kind = "h2"
        else:
            kind = "para"
        if kind not in ("title", "meta"):
            seen_body = True
        blocks.append({"kind": kind, "text": s})
    # closing signature / date lines (short, after the last paragraph) are right-aligned
    for b in reversed(blocks):
        t = b["text"]
        if b["kind"] in ("h2", "para", "meta") and len(t) <= 30 and t[-1] not in "。；：" and (
                RE_DATE.match(t) or b["kind"] != "para" or "：" in t or t.startswith("（")):
            b["kind"] = "sign"
        else:
            break
    return blocks


# Running headers written per document (keyed by slug without the NN- prefix);
# documents not listed get a header derived from their first line.
HEADERS = {
    "semiconductor": "2023 澜江湾集成电路产业发展报告",
    "medicine": "临床医学通讯 2023 年第 2 期",
    "government-notice": "2024 临川市工业和信息化局文件",
    "annual-report": "恒远精密 2023 年年度报告摘要",
    "user-manual": "XR-2000 型一体机用户手册（2023 版）",
    "news": "2023 航空航天产业周刊",
    "popular-science": "2023 科普园地 · 能源与生活",
    "academic-abstracts": "材料与交通工程学报 2023 年第 6 期",
    "environment": "2023 年度滨江市生态环境质量监测报告",
    "finance-news": "2024 年第三季度资本市场回顾",
    "agriculture": "农业技术推广简报 2024 年第 18 期",
    "transport-plan": "临川市综合交通发展规划（2025—2030 年）",
}


def doc_header(stem: str, title: str, lines: list[str]) -> tuple[str, str]:
    """Running header text ("2023 XX年度发展报告" style) and the year."""
    year_re = r"(?<![\w-])(19|20)\d\d(?!\d)"
    m = re.search(year_re, title) or re.search(year_re, "\n".join(lines[:8]))
    year = m.group(0) if m else "2023"
    slug = re.sub(r"^\d+-", "", stem)
    if slug in HEADERS:
        return HEADERS[slug], year
    name = re.sub(r"[（(][^）)]*[）)]", "", title)
    name = re.sub(year_re + r"\s*(年度|年)?", "", name).strip(" ：:—-")
    if len(name) > 18:  # keep the header short, like a real running head
        for cut in ("用户手册", "报告", "手册", "指南", "纪要", "说明书", "白皮书", "规划", "方案", "通讯", "简报"):
            k = name.find(cut)
            if 0 < k and k + len(cut) <= 22:
                name = name[:k + len(cut)]
                break
        else:
            name = name[:16]
    return f"{year} {name}", year


def load_doc(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    blocks = classify(lines)
    header, year = doc_header(path.stem, lines[0].strip() if lines else path.stem, lines)
    return {"doc": path.stem, "path": path, "blocks": blocks, "header": header, "year": year}


# --------------------------------------------------------------------------
# Typst generation
# --------------------------------------------------------------------------

def tstr(s: str) -> str:
    """A Typst string literal (rendered verbatim: no markup, no smart quotes)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def breakable(s: str) -> str:
    """Typst markup for a paragraph whose long numbers / Latin words may break anywhere."""
    out = []
    for piece in re.split(r"([0-9A-Za-z.,%/]{4,})", s):
        if not piece:
            continue
        if re.fullmatch(r"[0-9A-Za-z.,%/]{4,}", piece):
            out.append(f"#bx({tstr(piece)})")
        else:
            out.append(f"#{tstr(piece)}")
    return "".join(out)


def footer_code(style: dict) -> str:
    fmt = style["format"]
    parts = []
    for piece in re.split(r"(\{n\}|\{total\})", fmt):
        if piece == "{n}":
            parts.append("str(counter(page).get().first())")
        elif piece == "{total}":
            parts.append("str(counter(page).final().first())")
        elif piece:
            parts.append(tstr(piece))
    return " + ".join(parts)


def geometry(layout: str, variant: int) -> dict:
    """Page set-up of a layout (Typst syntax)."""
    if layout == "justified":
        g = dict(page='paper: "a4", margin: (x: 2.6cm, top: 3.0cm, bottom: 2.6cm)',
                 size="10.5pt", leading="0.78em", tracking="0em", columns=1)
    elif layout == "twocol":
        g = dict(page='paper: "a4", margin: (x: 1.9cm, top: 2.6cm, bottom: 2.3cm), columns: 2',
                 size="9.5pt", leading="0.7em", tracking="0em", columns=2)
    elif layout == "spaced":
        # extractors start to emit spaces between tracked glyphs from ~0.3em on
        # (pdftotext, pdfplumber; pypdf and pdfminer already at 0.2em, PyMuPDF
        # only between Latin letters/digits), so the tracking varies by document
        g = dict(page='paper: "a4", margin: (x: 2.8cm, top: 3.0cm, bottom: 2.6cm)',
                 size="11pt", leading="0.9em", tracking=["0.36em", "0.44em", "0.52em"][variant % 3], columns=1)
    elif layout == "smallpage":
        # smaller than A6 (105 x 148 mm); long numbers/Latin words may break anywhere
        g = dict(page='width: 88mm, height: 125mm, margin: (x: 7mm, top: 8mm, bottom: 10mm)',
                 size="8.5pt", leading="0.65em", tracking="0em", columns=1)
    else:
        raise ValueError(layout)
    return g


def typst_source(doc: dict, layout: str, font: dict, style: dict, header: str | None,
                 variant: int) -> str:
    fonts = [font["name"]] + [f for f in FALLBACK_FONTS if f != font["name"]]
    font_list = "(" + ", ".join(tstr(f) for f in fonts) + ")"
    hfonts = [font["heading"]] + [f for f in fonts if f != font["heading"]]
    hfont_list = "(" + ", ".join(tstr(f) for f in hfonts) + ")"
    bold = ('weight: "bold", stroke: 0.028em + black' if font["fake_bold"] else 'weight: "bold"')
    L = []
    a = L.append

    g = geometry(layout, variant)
    page, size, leading, tracking, cols = g["page"], g["size"], g["leading"], g["tracking"], g["columns"]

    a(f"#set document(title: {tstr(doc['blocks'][0]['text'] if doc['blocks'] else doc['doc'])})")
    # header: rule under it, alternating alignment on odd/even pages
    if header:
        a("#let running-head = context {")
        a("  let n = counter(page).get().first()")
        a(f"  set text(size: 8.5pt, tracking: 0em, font: {hfont_list})")
        if variant % 2 == 0:
            a(f"  align(if calc.odd(n) {{ right }} else {{ left }}, {tstr(header)})")
        else:
            a(f"  align(center, {tstr(header)})")
        a("  v(-0.55em)")
        a("  line(length: 100%, stroke: 0.4pt)")
        a("}")
    else:
        a("#let running-head = none")
    a("#let page-foot = context {")
    a(f"  set text(size: 9pt, tracking: 0em, font: {font_list})")
    align = "center" if style["id"] != "plain" or variant % 2 == 0 else "right"
    a(f"  align({align}, {footer_code(style)})")
    a("}")
    a(f"#set page({page}, header: running-head, footer: page-foot)")
    if cols == 2:
        a("#set columns(gutter: 1.3em)")
    a(f'#set text(font: {font_list}, size: {size}, lang: "zh", region: "cn", tracking: {tracking})')
    a(f"#set par(justify: true, leading: {leading}, spacing: {leading} * 1.35, "
      "first-line-indent: (amount: 2em, all: true))")
    # block helpers
    a(f"#let hd(s, sz, above, below) = block(above: above, below: below, sticky: true,"
      f" par(first-line-indent: 0em, justify: false, text(font: {hfont_list}, size: sz, {bold}, s)))")
    a("#let h1(s) = hd(s, 1.3em, 1.5em, 0.9em)")
    a("#let h2(s) = hd(s, 1.12em, 1.2em, 0.7em)")
    a("#let h3(s) = hd(s, 1.0em, 1.0em, 0.6em)")
    a("#let item(s) = block(above: 0.45em, below: 0.45em, pad(left: 1.2em,"
      " par(first-line-indent: 0em, hanging-indent: 1em, s)))")
    a("#let sign(s) = block(above: 0.5em, below: 0.5em, align(right, par(first-line-indent: 0em, s)))")
    # every glyph of a long number / Latin word in its own box: allows line breaks inside numbers
    a("#let bx(s) = s.clusters().map(c => box(c)).join()")
    a("#let meta(s) = block(above: 0.4em, below: 0.4em, align(center,"
      " par(first-line-indent: 0em, text(size: 0.9em, s))))")
    a("#let trow(cells) = block(above: 0.3em, below: 0.3em, grid(columns: (1fr,) * cells.len(),"
      " column-gutter: 0.8em, ..cells.map(c => par(first-line-indent: 0em, justify: false, c))))")
    title_code = (f"block(below: 1.2em, width: 100%, align(center, par(first-line-indent: 0em, "
                  f"justify: false, text(font: {hfont_list}, size: 1.65em, {bold}, TITLE))))")

    for b in doc["blocks"]:
        k, s = b["kind"], b["text"]
        if k == "title":
            code = title_code.replace("TITLE", tstr(s))
            if cols == 2:
                a(f"#place(top + center, scope: \"parent\", float: true, {code})")
            else:
                a(f"#{code}")
        elif k == "meta":
            if cols == 2:
                # keep meta lines in the spanning title area
                a(f"#place(top + center, scope: \"parent\", float: true, meta({tstr(s)}))")
            else:
                a(f"#meta({tstr(s)})")
        elif k == "sign":
            a(f"#sign({tstr(s)})")
        elif k in ("h1", "h2", "h3"):
            a(f"#{k}({tstr(s)})")
        elif k == "item":
            a(f"#item({tstr(s)})")
        elif k == "table":
            cells = [c.strip() for c in re.split(r"\t|\s*\|\s*", s.strip("| ")) if c.strip() != ""]
            a("#trow((" + ", ".join(tstr(c) for c in cells) + ",))")
        elif layout == "smallpage":
            a("")
            a(breakable(s))
            a("")
        else:
            a("")
            a(f"#{tstr(s)}")
            a("")
    return "\n".join(L) + "\n"


def layout_params(doc_index: int, layout: str, doc: dict) -> dict:
    font = FONTS[doc_index % len(FONTS)]
    li = LAYOUTS.index(layout)
    if layout == "justified":
        style = PAGE_STYLES[doc_index % 4]          # the four forms named in the brief
    else:
        style = PAGE_STYLES[(doc_index + 2 * li + 1) % len(PAGE_STYLES)]
    header = doc["header"] if layout in ("justified", "spaced", "twocol") else None
    return {"font": font, "style": style, "header": header, "variant": doc_index + li}


def build_pdf(job: dict) -> dict:
    import typst

    doc, layout = job["doc"], job["layout"]
    p = layout_params(job["index"], layout, doc)
    src = typst_source(doc, layout, p["font"], p["style"], p["header"], p["variant"])
    outdir = BUILD / layout
    outdir.mkdir(parents=True, exist_ok=True)
    typ = outdir / f"{doc['doc']}.typ"
    pdf = outdir / f"{doc['doc']}.pdf"
    typ.write_text(src, encoding="utf-8")
    typst.compile(str(typ), output=str(pdf), root=str(outdir), font_paths=FONT_DIRS,
                  ignore_system_fonts=True, timestamp=FIXED_TIMESTAMP)
    return {"pdf": str(pdf), "params": p}


def typeset_jobs(paths: list[Path], all_paths: list[Path]) -> list[dict]:
    """One job per source in `paths` and layout; `all_paths` are all the sources."""
    def doc_index(p: Path) -> int:
        m = re.match(r"(\d+)", p.stem)  # NN-slug: stable index regardless of which sources exist
        return int(m.group(1)) - 1 if m else all_paths.index(p)
    docs = [(doc_index(p), load_doc(p)) for p in paths]
    return [{"index": i, "doc": d, "layout": lay} for i, d in docs for lay in LAYOUTS]


def typeset(jobs: list[dict], workers: int) -> list[dict]:
    """Typeset every job's PDF; return build_pdf's result for each, in order."""
    with ProcessPoolExecutor(workers) as ex:
        return list(ex.map(build_pdf, jobs))


# --------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------

def extract(pdf: str, extractor: str) -> bytes:
    """Run one extractor; return its output bytes untouched (pages end with \\f)."""
    if extractor in ("pdftotext", "pdftotext-layout"):
        args = ["pdftotext", "-enc", "UTF-8"]
        if extractor == "pdftotext-layout":
            args.append("-layout")
        return subprocess.run(args + [pdf, "-"], capture_output=True, check=True).stdout
    if extractor == "pymupdf":
        import pymupdf
        with pymupdf.open(pdf) as d:
            text = "".join(page.get_text() + "\f" for page in d)
    elif extractor == "pdfminer":
        from pdfminer.high_level import extract_text
        text = extract_text(pdf)
    elif extractor == "pdfplumber":
        import pdfplumber
        with pdfplumber.open(pdf) as d:
            text = "".join((page.extract_text() or "") + "\f" for page in d.pages)
    elif extractor == "pypdf":
        import pypdf
        r = pypdf.PdfReader(pdf)
        text = "".join(page.extract_text() + "\f" for page in r.pages)
    else:
        raise ValueError(extractor)
    return text.encode("utf-8", "surrogatepass")


def extract_job(job: tuple[str, str, str]) -> tuple[str, str, int]:
    pdf, extractor, out = job
    data = extract(pdf, extractor)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        f.write(data)
    return out, extractor, len(data)


def page_count(pdf: str) -> int:
    import pymupdf
    with pymupdf.open(pdf) as d:
        return d.page_count


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=SOURCES, help="directory of NN-slug.txt sources")
    ap.add_argument("--docs", default="", help="comma-separated doc prefixes/names to build (default all)")
    ap.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1))
    ap.add_argument("--skip-install", action="store_true")
    args = ap.parse_args()

    if not args.skip_install:
        ensure_apt()
        ensure_pip()
    versions = tool_versions()
    print("tools:", json.dumps(versions, ensure_ascii=False), flush=True)

    paths = sorted(args.sources.glob("*.txt"))
    if args.docs:
        want = [w.strip() for w in args.docs.split(",") if w.strip()]
        paths = [p for p in paths if any(p.stem == w or p.stem.startswith(w + "-") or p.stem.startswith(w)
                                         for w in want)]
    if not paths:
        print(f"no sources in {args.sources}", file=sys.stderr)
        return 1
    # 1. typeset
    jobs = typeset_jobs(paths, sorted(args.sources.glob("*.txt")))
    built = typeset(jobs, args.jobs)
    print(f"typeset {len(built)} PDFs", flush=True)

    # 2. extract
    ejobs, meta = [], {}
    for job, b in zip(jobs, built):
        d, lay = job["doc"], job["layout"]
        for ext in EXTRACTORS:
            out = EXTRACTED / lay / ext / f"{d['doc']}.txt"
            ejobs.append((b["pdf"], ext, str(out)))
            meta[str(out)] = (job, b)
    with ProcessPoolExecutor(args.jobs) as ex:
        results = list(ex.map(extract_job, ejobs, chunksize=1))
    print(f"extracted {len(results)} texts", flush=True)

    # 3. manifest (merged with existing entries for docs not rebuilt this run)
    manifest_path = EXTRACTED / "manifest.json"
    entries = {}
    if manifest_path.exists() and args.docs:
        for e in json.loads(manifest_path.read_text(encoding="utf-8"))["files"]:
            entries[e["path"]] = e
    pages_cache = {}
    for out, ext, nbytes in results:
        job, b = meta[out]
        d, lay, p = job["doc"], job["layout"], b["params"]
        if b["pdf"] not in pages_cache:
            pages_cache[b["pdf"]] = page_count(b["pdf"])
        rel = str(Path(out).relative_to(CORPORA.parent))
        src_bytes = d["path"].read_bytes()
        entries[rel] = {
            "path": rel,
            "doc": d["doc"],
            "source": str(d["path"].relative_to(CORPORA.parent)) if d["path"].is_relative_to(CORPORA.parent)
            else str(d["path"]),
            "source_sha256": hashlib.sha256(src_bytes).hexdigest(),
            "layout": lay,
            "extractor": ext,
            "font": p["font"]["name"],
            "font_file": p["font"]["file"],
            "heading_font": p["font"]["heading"],
            "pages": pages_cache[b["pdf"]],
            "page_setup": geometry(lay, p["variant"]),
            "running_header": p["header"],
            "page_number_style": p["style"]["id"],
            "page_number_format": p["style"]["format"],
            "tool_versions": {"engine": "typst " + versions["typst"],
                              "extractor": versions["pdftotext" if ext.startswith("pdftotext") else ext]},
            "bytes": nbytes,
        }
    manifest = {
        "description": "Extracted texts of corpora/sources/*.txt typeset by corpora/tools/make_corpus.py. "
                       "Each extractor's output is kept byte for byte; every page is followed by a form feed. "
                       "running_header is the text repeated at the top of every page (null if none); "
                       "page_number_format shows the footer with {n} = page number, {total} = page count.",
        "engine": "typst " + versions["typst"],
        "tool_versions": versions,
        "layouts": LAYOUTS,
        "extractors": EXTRACTORS,
        "files": [entries[k] for k in sorted(entries)],
    }
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(e["bytes"] for e in manifest["files"])
    print(f"manifest: {len(manifest['files'])} files, {total} bytes", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
