#!/usr/bin/env python3
"""End-to-end check of `inzage serve` in a real browser.

Usage:
    python3 .ci/serve_check.py INZAGE_BINARY CONTENT_FOLDER

Copies the content folder to a temporary folder, starts ``inzage serve`` on a
free port and opens the privacyverklaring in headless Chromium (the same
browser and driver as ``a11y_check.py``). Then, without ever asking the
browser to refresh:

1. an edit to the privacyverklaring's text shows up in the open page;
2. a broken edit (an unknown key in its front matter) shows the diagnostic,
   with file, line and column, in a banner above the last good page, and that
   page has no axe-core violations;
3. fixing the edit removes the banner and shows the new text;
4. Ctrl-C (SIGINT) stops the server with exit status 0 and leaves no staging
   folder behind.

Each time the check first marks the open window; a page that shows the new
state without the mark was reloaded by the page itself. The last line is
``serve: N passed, M failed``; the exit status is 0 when every step passed, 1
when one failed, and 2 when the check could not be run at all.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import a11y_check  # noqa: E402  (the browser and axe-core, set up as for every page)

# How long a step may take: a rebuild of the demo board takes milliseconds, but a
# shared CI machine can stall for seconds.
STEP_TIMEOUT = 30
START_TIMEOUT = 180
MARK = "window.__inzageServeCheck = true"
MARKED = "return window.__inzageServeCheck === true"
BODY_TEXT = "return document.body ? document.body.innerText : ''"
BANNER_TEXT = ("var b = document.querySelector('[role=alert]');"
               "return b ? b.innerText : null")


class Server:
    """`inzage serve` as a child process, its output collected on a thread."""

    def __init__(self, binary: str, content: Path, output: Path):
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [binary, "serve", "--content", str(content), "--output", str(output), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            errors="replace")
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def url(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            for line in list(self.lines):
                match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
                if match:
                    return match.group(0)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise SystemExit("error: inzage serve did not start:\n" + "\n".join(self.lines))

    def output(self) -> str:
        return "\n".join(self.lines)


def wait_for(driver, condition, what: str) -> bool:
    """Polls `condition(driver)` until it holds; a page that is reloading may throw."""
    from selenium.common.exceptions import WebDriverException

    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if condition(driver):
                return True
        except WebDriverException:
            pass
        time.sleep(0.1)
    print(f"  timed out after {STEP_TIMEOUT} s waiting for {what}")
    return False


def reloaded_with(driver, text: str, banner: bool) -> bool:
    """Whether the open page reloaded by itself (the mark is gone) and now shows `text`,
    with or without the diagnostics banner."""
    if driver.execute_script(MARKED):
        return False
    if text not in driver.execute_script(BODY_TEXT):
        return False
    return (driver.execute_script(BANNER_TEXT) is not None) == banner


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    binary, content = argv[1], Path(argv[2])
    if not os.access(binary, os.X_OK) or not (content / "privacyverklaring.md").is_file():
        print(f"error: need an inzage binary and a content folder with privacyverklaring.md, got {argv[1:]}")
        return 2

    work = Path(tempfile.mkdtemp(prefix="inzage-serve-check-"))
    shutil.copytree(content, work / "content")
    source = work / "content" / "privacyverklaring.md"
    original = source.read_text(encoding="utf-8")
    output = work / "public"
    server = Server(binary, work / "content", output)
    driver = None
    passed, failed = 0, 0

    def step(name: str, ok: bool) -> None:
        nonlocal passed, failed
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if ok:
            passed += 1
        else:
            failed += 1

    try:
        page = server.url() + "privacyverklaring/"
        driver = a11y_check.start_browser()
        driver.get(page)

        # 1. An edit shows up in the open page.
        driver.execute_script(MARK)
        first = "Deze zin is toegevoegd door de test van inzage serve."
        source.write_text(original.rstrip("\n") + "\n\n" + first + "\n", encoding="utf-8")
        step("an edit shows up in the open page, without a manual refresh",
             wait_for(driver, lambda d: reloaded_with(d, first, banner=False), "the edited text"))

        # 2. A broken edit shows its diagnostic above the last good page.
        driver.execute_script(MARK)
        broken = original.replace("---\n", "---\nonbekendeSleutel: ja\n", 1)
        source.write_text(broken.rstrip("\n") + "\n\n" + first + "\n", encoding="utf-8")
        shown = wait_for(driver, lambda d: reloaded_with(d, first, banner=True), "the diagnostics banner")
        banner = (driver.execute_script(BANNER_TEXT) or "") if shown else ""
        step("a broken edit shows its diagnostic (file:line:column) above the last good page",
             shown and re.search(r"privacyverklaring\.md:2:1: fout: onbekende sleutel 'onbekendeSleutel'", banner) is not None
             and "De laatste wijziging bevat fouten" in banner)
        report = a11y_check.PageReport(path=Path("privacyverklaring/index.html"))
        a11y_check.run_axe(driver, page, a11y_check.axe_source(), report)
        for violation in report.axe_violations:
            print(f"  axe: {violation.get('id')}: {violation.get('help')}")
        step("the page with the diagnostics banner has no axe-core violations",
             report.axe_error is None and not report.axe_violations)

        # 3. Fixing the edit removes the banner.
        driver.execute_script(MARK)
        second = "Deze zin staat er na het herstel."
        source.write_text(original.rstrip("\n") + "\n\n" + second + "\n", encoding="utf-8")
        step("fixing the edit removes the banner and shows the new text",
             wait_for(driver, lambda d: reloaded_with(d, second, banner=False), "the fixed page"))
    except Exception as error:  # noqa: BLE001 (reported as a failed step, with the server's output)
        step(f"the check ran ({type(error).__name__}: {error})", False)
    finally:
        if driver is not None:
            driver.quit()
        # 4. Ctrl-C stops the server cleanly.
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGINT)
        try:
            status = server.process.wait(timeout=STEP_TIMEOUT)
        except subprocess.TimeoutExpired:
            server.process.kill()
            status = None
        leftovers = [p.name for p in work.iterdir() if ".inzage-" in p.name]
        step("Ctrl-C stops the server with exit status 0 and no staging folder left",
             status == 0 and not leftovers)
        if failed:
            print("--- inzage serve printed:\n" + server.output())
        shutil.rmtree(work, ignore_errors=True)

    print(f"serve: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
