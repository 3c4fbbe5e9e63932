#!/usr/bin/env bash
# The project's test command (README): unit tests, then the demo site built and checked page by
# page with axe-core in headless Chromium and the Nu HTML Checker, then `inzage serve` on the demo
# board in the same browser (an edit reloads the open page, a broken edit shows its diagnostic).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
site=$(mktemp -d)/public
swift run inzage build --output "$site"
python3 .ci/a11y_check.py "$site"
python3 .ci/serve_check.py "$(swift build --show-bin-path)/inzage" content
