"""How fast is briefpdf? Run with `make bench` (not part of the tests).

Measures, in one run on this machine, against floors measured in the same run:

  (a) time per briefing through the whole pipeline, in a warm process, vs a plain
      ReportLab platypus rendering of the same content written here (the floor);
  (b) a cold single-file `briefpdf build` and a cold `briefpdf validate`, each vs
      `python -c "import reportlab.platypus"` (the import floor);
  (c) a 100-briefing build with one job and with every core (median of 5 pairs);
  (d) a no-op rebuild of those 100;
  (e) a 300-briefing pack: time (median of 3 builds) and peak memory;
  (f) `briefpdf serve`: from pressing Save on the Family L page to its updated preview
      shown in the browser (Debian's Chromium, headless), median and worst of 20.

Inputs are copies of the Family L sample with varied text, made in a temporary folder.
Prints a table: target, measured, ratio, PASS/FAIL. Exit status 0 whatever the result.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "briefings" / "family-l.yaml"
STYLES = ROOT / "styles"
ENV = {**os.environ, "CI": "1", "SOURCE_DATE_EPOCH": "1500000000"}
"""CI=1 keeps the progress bar off, so every build is measured the same way."""

VARIATIONS = [
    ("children", "young people"), ("professionals", "practitioners"),
    ("social care", "social work"), ("information", "intelligence"),
    ("Mother", "the mother"), ("agencies", "organisations"),
    ("promptly", "quickly"), ("review", "case review"), ("risk", "danger"),
]


# --- inputs --------------------------------------------------------------------------


def make_project(root: Path, count: int) -> list[Path]:
    """``count`` varied copies of Family L in ``root/briefings``, with the sample styles."""
    shutil.copytree(STYLES, root / "styles")
    (root / "briefings").mkdir()
    template = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for n in range(count):
        chance = random.Random(n)
        swaps = [pair for pair in VARIATIONS if chance.random() < 0.5]
        lines = []
        for line in template.replace("subtitle: Family L", f"subtitle: Family L{n}")\
                .splitlines(keepends=True):
            if "http" not in line and "@" not in line:  # addresses stay valid
                for old, new in swaps:
                    line = line.replace(old, new)
            lines.append(line)
        text = "".join(lines)
        path = root / "briefings" / f"family-l-{n:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- measuring -----------------------------------------------------------------------


@dataclass
class Row:
    name: str
    target: str
    measured: str
    ratio: str
    ok: bool | None  # None: could not be measured


def briefpdf_command() -> list[str]:
    script = Path(sys.executable).parent / "briefpdf"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefpdf"]


def run(cmd: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    """Wall time and result of one command (its failures are shown, not hidden)."""
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write(f"! {' '.join(cmd[-3:])}: exit {result.returncode}\n"
                         f"{result.stderr.decode(errors='replace')[-800:]}\n")
    return seconds, result


def median_of(commands: dict[str, list[str]], cwd: Path, repeat: int) -> dict[str, float]:
    """Median wall time of each command, the commands interleaved to share the noise."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            times[name].append(run(cmd, cwd)[0])
    return {name: statistics.median(values) for name, values in times.items()}


# --- (a) the pipeline vs plain platypus ----------------------------------------------


def floor_render(path: Path, output: Path, logo) -> None:
    """The same content with plain ReportLab platypus: no validation, no semantics."""
    import yaml
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Image,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    purple, magenta, panel = (colors.HexColor(c) for c in ("#4B2A7B", "#C4006A", "#F1ECF7"))
    body = ParagraphStyle("body", fontName="SSP", fontSize=10.5, leading=14, spaceAfter=6)
    h1 = ParagraphStyle("h1", body, fontName="SSP-Bold", fontSize=26, leading=30,
                        textColor=colors.white)
    h2 = ParagraphStyle("h2", body, fontName="SSP-Bold", fontSize=14, leading=18,
                        textColor=purple, spaceBefore=8)
    white = ParagraphStyle("white", body, textColor=colors.white)

    def para(text, style=body):
        return Paragraph(escape(str(text)), style)

    band = Table([[para(data["title"], h1)], [para(data.get("subtitle", ""), white)],
                  [para(f"{data.get('date', '')} · {data.get('author', '')}", white)]],
                 colWidths=[174 * mm])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), purple)]))
    story = [Image(logo, width=48.7 * mm, height=14 * mm), band, para(data.get("summary", ""))]
    for section in data["sections"]:
        story.append(para(section["heading"], h2))
        for block in section.get("content", []):
            if isinstance(block, str):
                story.append(para(block))
            elif "bullets" in block:
                story.append(ListFlowable([ListItem(para(b)) for b in block["bullets"]],
                                          bulletType="bullet", bulletColor=magenta))
            elif "quote" in block or "callout" in block:
                box = Table([[para(block.get("quote") or block.get("callout"))]])
                box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), panel)]))
                story.append(box)
        for link in section.get("links", []):
            url = escape(link["url"])
            story.append(Paragraph(f'<a href="{url}">{escape(link["title"])}</a><br/>{url}',
                                   body))
            if link.get("note"):
                story.append(para(link["note"]))
    feedback = data.get("feedback", {})
    story += [Spacer(1, 6), para(feedback.get("heading", ""), h2),
              para(feedback.get("text", "")), para(feedback.get("email", ""))]

    def footer(canv, doc):
        canv.setFont("SSP", 8)
        canv.drawString(18 * mm, 12 * mm, f"{data['title']}")
        canv.drawRightString(192 * mm, 12 * mm, f"Page {doc.page}")

    doc = SimpleDocTemplate(str(output), pagesize=A4, leftMargin=18 * mm,
                            rightMargin=18 * mm, topMargin=18 * mm, bottomMargin=24 * mm,
                            title=data["title"])
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def prepare_floor(work: Path) -> str:
    """Register the floor's fonts and write the logo at print size (300 dpi at 14 mm
    high, as briefpdf prepares it) into ``work``; the logo's path."""
    import font_source_sans_pro
    from PIL import Image
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(font_source_sans_pro.font_directory)
    for name, file in (("SSP", "SourceSansPro-Regular.ttf"),
                       ("SSP-Bold", "SourceSansPro-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping("SSP", 0, 0, "SSP")
    addMapping("SSP", 1, 0, "SSP-Bold")
    logo = str(work / "logo-300dpi.png")
    with Image.open(STYLES / "assets" / "bscb-logo.png") as image:
        height = round(14 / 25.4 * 300)
        image.resize((round(image.width * height / image.height), height)).save(logo)
    return logo


def bench_pipeline(paths: list[Path], work: Path) -> Row:
    """(a): warm, in this process; the floor gets the fonts and a print-size logo ready-made."""
    from briefpdf.build import build_file

    logo = prepare_floor(work)
    out = work / "out-a"
    out.mkdir()
    build_file(paths[-1], out)  # warm: imports, fonts, images
    floor_render(paths[-1], out / "floor-warm.pdf", logo)
    ours, floor = [], []
    for path in paths:
        started = time.perf_counter()
        outcome = build_file(path, out)
        ours.append(time.perf_counter() - started)
        assert outcome.status == "built", outcome.problems
        started = time.perf_counter()
        floor_render(path, out / f"floor-{path.stem}.pdf", logo)
        floor.append(time.perf_counter() - started)
    a, f = statistics.median(ours), statistics.median(floor)
    return Row("(a) per briefing, warm: pipeline vs platypus", "≤ 1.3× floor",
               f"{a * 1000:.0f} ms vs {f * 1000:.0f} ms", f"{a / f:.2f}×", a / f <= 1.3)


# --- (b) cold start ------------------------------------------------------------------


STACK_ONLY = """
import os, sys
import reportlab.platypus as platypus
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
import PIL.Image, yaml, pydantic, markdown_it
import font_source_sans_pro as fonts
for face in ("Regular", "Bold", "It", "BoldIt"):
    pdfmetrics.registerFont(TTFont(face, os.path.join(fonts.font_directory,
                                                      f"SourceSansPro-{face}.ttf")))
styles = [ParagraphStyle(face, fontName=face, fontSize=10.5, leading=14)
          for face in ("Regular", "Bold", "It", "BoldIt")]
story = [platypus.Paragraph("Words of a learning briefing, " * 8, styles[n % 4])
         for n in range(60)]
platypus.SimpleDocTemplate(sys.argv[1]).build(story)
"""
"""What any build on briefpdf's stack does before anything of briefpdf's own: import
ReportLab's platypus, Pillow, PyYAML, pydantic and markdown-it-py, read the four
faces of the default typeface, and lay out and write two plain pages. It shows how
much of target (b) is spent by the libraries alone."""


COLD_BUILD = 2.5
COLD_VALIDATE = 2.0
"""Target (b), revised by issue 20: a cold build and a cold validate of one briefing, as
multiples of the import floor (the live preview is where latency matters now)."""


def bench_cold(path: Path, work: Path, repeat: int) -> list[Row]:
    cmd = briefpdf_command()
    commands = {
        "floor": [sys.executable, "-c", "import reportlab.platypus"],
        "build": [*cmd, "build", "--force", "-o", str(work / "out-b"), str(path)],
        "validate": [*cmd, "validate", str(path)],
        "stack": [sys.executable, "-c", STACK_ONLY, str(work / "stack-only.pdf")],
    }
    for command in commands.values():  # "cold" is a new process, as after any earlier
        run(command, work)  # run: briefpdf's on-disk cache (font and image facts) is filled
    medians = median_of(commands, work, repeat)
    floor = medians["floor"]
    build, validate = medians["build"] / floor, medians["validate"] / floor
    return [
        Row("(b) cold build, 1 file vs import floor", f"≤ {COLD_BUILD}× floor",
            f"{medians['build']:.2f} s vs {floor:.2f} s", f"{build:.2f}×", build <= COLD_BUILD),
        Row("(b) cold validate, 1 file vs import floor", f"≤ {COLD_VALIDATE}× floor",
            f"{medians['validate']:.2f} s vs {floor:.2f} s", f"{validate:.2f}×",
            validate <= COLD_VALIDATE),
        Row("(b) for scale: the libraries alone (STACK_ONLY)", "none",
            f"{medians['stack']:.2f} s vs {floor:.2f} s",
            f"{medians['stack'] / floor:.2f}×", None),
    ]


# --- (c), (d) many files -------------------------------------------------------------


def bench_many(paths: list[Path], work: Path, cores: int, pairs: int = 5) -> list[Row]:
    """(c) as the median of ``pairs`` alternating -j 1 / -j N pairs (one pair on a
    virtual machine swings by ±0.3×), then (d)."""
    cmd = [*briefpdf_command(), "build", "--force"]
    files = [str(p) for p in paths]
    ones, everys = [], []
    for _ in range(pairs):
        ones.append(run([*cmd, "-j", "1", "-o", str(work / "out-c1"), *files], work)[0])
        everys.append(run([*cmd, "-j", str(cores), "-o", str(work / "out-c"), *files],
                          work)[0])
    one, every = statistics.median(ones), statistics.median(everys)
    speedup = statistics.median(a / b for a, b in zip(ones, everys, strict=True))
    noop = statistics.median(
        run([*briefpdf_command(), "build", "-o", str(work / "out-c"), *files], work)[0]
        for _ in range(5))
    count = len(paths)
    return [
        Row(f"(c) {count} briefings: -j 1 vs -j {cores}", "≥ 1.7× faster (2 cores)",
            f"{one:.1f} s vs {every:.1f} s", f"{speedup:.2f}×",
            speedup >= 1.7 if cores >= 2 else None),
        Row(f"(d) no-op rebuild of {count}", "≤ 0.3 s", f"{noop:.2f} s",
            f"{noop / 0.3:.2f}× target", noop <= 0.3),
    ]


# --- (e) a pack ----------------------------------------------------------------------


def bench_pack(paths: list[Path], root: Path, runs: int = 3) -> list[Row]:
    slugs = ", ".join(p.stem for p in paths)
    pack = root / "briefings" / "year.pack.yaml"
    # Not duplex: 300 three-page briefings with a blank before each would pass the
    # 1000-page limit of a pack.
    pack.write_text(f"pack:\n  title: A year of briefings\n  duplex: false\n"
                    f"  briefings: [{slugs}]\n", encoding="utf-8")
    # A fresh Python runs it so that the peak memory is this build's alone; the median
    # of ``runs`` builds is the time (one build on a virtual machine swings by ±15%),
    # the largest of their peaks the memory.
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], capture_output=True); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)"
             ".ru_maxrss // 1024, r.returncode); sys.stderr.write(r.stderr.decode()[-600:])")
    count = len(paths)
    times, peaks = [], []
    for _ in range(runs):
        _, result = run([sys.executable, "-c", probe, *briefpdf_command(), "build", "--force",
                         "-o", str(root / "out-e"), str(pack)], root)
        seconds, peak, code = result.stdout.decode().split()
        if code != "0" or not (root / "out-e" / "year.pdf").exists():
            why = (result.stderr.decode().strip().splitlines() or ["no output"])[-1][:60]
            return [Row(f"(e) {count}-briefing pack", "≤ 15 s, ≤ 400 MB", f"failed: {why}",
                        "–", None)]
        times.append(float(seconds))
        peaks.append(int(peak))
    seconds_f, peak_i = statistics.median(times), max(peaks)
    return [
        Row(f"(e) {count}-briefing pack: time (median of {runs})", "≤ 15 s", f"{seconds_f:.1f} s",
            f"{seconds_f / 15:.2f}× target", seconds_f <= 15),
        Row(f"(e) {count}-briefing pack: peak memory", "≤ 400 MB", f"{peak_i} MB",
            f"{peak_i / 400:.2f}× target", peak_i <= 400),
    ]


SAVE_AND_WAIT = """async (text) => {
  const pages = document.getElementById("pages");
  const before = pages.dataset.pdf;
  document.querySelector(".CodeMirror").CodeMirror.setValue(text);
  const started = performance.now();
  document.getElementById("save").click();
  while (pages.dataset.pdf === before) await new Promise(r => setTimeout(r, 2));
  return performance.now() - started;
}"""
"""Save, then wait until every new page image has loaded and replaced the old ones."""


def bench_serve(root: Path, edits: int = 20) -> list[Row]:
    """(f): the serve page's Save button to its updated preview, in a real browser."""
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not chromium.exists():
        return [Row("(f) serve: save → updated preview", "≤ 300 ms median",
                    "skipped: needs playwright and /usr/bin/chromium", "", None)]
    project = root / "serve-project"
    (project / "briefings").mkdir(parents=True)
    shutil.copytree(STYLES, project / "styles")
    page_file = project / "briefings" / "family-l.yaml"
    template = SAMPLE.read_text(encoding="utf-8")
    page_file.write_text(template, encoding="utf-8")
    process = subprocess.Popen([*briefpdf_command(), "serve", str(project), "--no-open"],
                               stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        url = process.stdout.readline().split("open ", 1)[1].split()[0]
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(chromium), args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
                "--no-first-run"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url + "edit/family-l.yaml")
            page.wait_for_selector("#pages[data-pdf] img", timeout=60_000)
            times = []
            for n in range(edits + 1):  # the first is not counted: the page warms up
                text = template.replace("What is a CPIR?", f"What is a CPIR? ({n})")
                took = page.evaluate(SAVE_AND_WAIT, text)
                if n:
                    times.append(took)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    median, worst = statistics.median(times), max(times)
    return [Row(f"(f) serve: save → updated preview (median of {edits})", "≤ 300 ms",
                f"{median:.0f} ms", f"{median / 300:.2f}× target", median <= 300),
            Row(f"(f) serve: save → updated preview (worst of {edits})", "",
                f"{worst:.0f} ms", "", None)]


# --- report --------------------------------------------------------------------------


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import reportlab

    return (f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
            f"ReportLab {reportlab.Version}, {platform.system()}")


def load() -> str:
    """The 1-minute load average: other work on the machine slows every figure."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def print_table(rows: list[Row]) -> None:
    headers = ("measure", "target", "measured", "ratio", "result")
    cells = [(r.name, r.target, r.measured, r.ratio,
              "n/a" if r.ok is None else "PASS" if r.ok else "FAIL") for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-|-".join("-" * w for w in widths))
    for c in cells:
        print(" | ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per cold-start figure")
    parser.add_argument("--warm", type=int, default=30, help="briefings timed warm in (a)")
    parser.add_argument("--many", type=int, default=100, help="briefings in (c) and (d)")
    parser.add_argument("--pack", type=int, default=300, help="briefings in the pack (e)")
    parser.add_argument("--only", default="abcdef", help="which measures to run, e.g. ae")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    print(f"machine: {machine()}; load average at the start: {load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="briefpdf-bench-") as temp:
        root = Path(temp)
        paths = make_project(root, max(args.many, args.pack, args.warm))
        rows: list[Row] = []
        steps = {"a": lambda: [bench_pipeline(paths[: args.warm], root)],
                 "b": lambda: bench_cold(paths[0], root, args.repeat),
                 "cd": lambda: bench_many(paths[: args.many], root, cores),
                 "e": lambda: bench_pack(paths[: args.pack], root),
                 "f": lambda: bench_serve(root)}
        for keys, step in steps.items():
            if not set(keys) & set(args.only):
                continue
            rows.extend(step())
            print(f"  … {rows[-1].name}: {rows[-1].measured}", file=sys.stderr, flush=True)
    print()
    print_table(rows)
    print(f"\nload average at the end: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
