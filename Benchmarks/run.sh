#!/usr/bin/env bash
# Inzage benchmark: inzage build against Hugo and the raw cmark-gfm floor, on generated corpora.
# Writes Benchmarks/results/report.md (and the raw hyperfine/time output beside it).
# See docs/performance.md for what is measured and why.
#
#   bash Benchmarks/run.sh                      # all sizes: p1000 p10000 b2000
#   BENCH_SIZES="p1000 b2000" bash Benchmarks/run.sh
#   INZAGE_REF=HEAD bash Benchmarks/run.sh      # benchmark a commit instead of the working tree
#   INZAGE_REF=WORKTREE bash Benchmarks/run.sh  # benchmark a frozen copy of the working tree
#   BENCH_REPORT_ONLY=1 bash Benchmarks/run.sh  # only rewrite report.md from earlier results
#
# Sizes: pN = N generic pages under paginas/ (also written as a Hugo site), bM = M bijsluiters.
# Environment knobs (defaults in brackets):
#   BENCH_RUNS [5], BENCH_WARMUP [1]  hyperfine runs per command
#   BENCH_SLOW_SECONDS [300]          a first inzage build slower than this is not repeated by
#                                     hyperfine; its single timed run is reported instead (n=1)
#   BENCH_TIMEOUT [10800]             hard limit for one inzage run, in seconds
#   BENCH_MEM_LIMIT_MB [16384]        address-space limit for inzage, so a runaway build fails
#                                     on its own instead of waking the OOM killer on a shared machine
#   BENCH_SLOW_REBUILD [0]            1: also time the no-change rebuild of a slow size
#   BENCH_OUT [results/out]           where the measured builds write; a folder where nothing was
#                                     deleted lately (ext4 without a journal creates files slowly
#                                     in the minutes after many were deleted nearby)
#   INZAGE_VANDAAG [2026-11-23]       the date the corpus is valid on
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/Benchmarks
CORPUS=$BENCH/corpus
RESULTS=$BENCH/results
SIZES=${BENCH_SIZES:-"p1000 p10000 b2000"}
RUNS=${BENCH_RUNS:-5}
REBUILDS=${BENCH_REBUILDS:-5}
WARMUP=${BENCH_WARMUP:-1}
SLOW=${BENCH_SLOW_SECONDS:-300}
TIMEOUT=${BENCH_TIMEOUT:-10800}
MEM_LIMIT_MB=${BENCH_MEM_LIMIT_MB:-16384}
SLOW_REBUILD=${BENCH_SLOW_REBUILD:-0}
OUT=${BENCH_OUT:-$RESULTS/out}
SWIFT_BUILD_FLAGS="-c release --static-swift-stdlib"
export INZAGE_VANDAAG=${INZAGE_VANDAAG:-2026-11-23}

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

mkdir -p "$CORPUS" "$RESULTS"

# ---------------------------------------------------------------- tools
install_tools() {
    local missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    command -v hugo >/dev/null || missing+=(hugo)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    pkg-config --exists libcmark-gfm 2>/dev/null || missing+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
    [ -f /usr/include/mimalloc.h ] || missing+=(libmimalloc-dev)
    [ ${#missing[@]} -eq 0 ] && return
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y "${missing[@]}" || { $sudo apt-get update && $sudo apt-get install -y "${missing[@]}"; }
}

# ---------------------------------------------------------------- builds
build_inzage() {
    local package=$ROOT scratch=$ROOT/.build-bench
    if [ "${INZAGE_REF:-}" = WORKTREE ]; then
        # A frozen copy of the working tree (tracked and untracked, not ignored files), so edits
        # made by others during a long run change neither the binary nor the theme it reads.
        package=$ROOT/.build-bench/src-worktree
        scratch=$ROOT/.build-bench/snapshot-worktree
        log "copying the working tree to $package"
        rm -rf "$package" && mkdir -p "$package"
        (cd "$ROOT" && git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -x -C "$package"
        git -C "$ROOT" diff HEAD > "$RESULTS/worktree.diff"
        DESCRIBE="working tree at $(git -C "$ROOT" rev-parse --short=12 HEAD) with uncommitted changes (frozen copy; diff sha256 $(sha256sum < "$RESULTS/worktree.diff" | cut -c1-12), untracked files: $(git -C "$ROOT" ls-files -o --exclude-standard -- Sources templates Package.swift | wc -l))"
    elif [ -n "${INZAGE_REF:-}" ]; then
        local sha
        sha=$(git -C "$ROOT" rev-parse --verify "$INZAGE_REF^{commit}")
        package=$ROOT/.build-bench/src-${sha:0:12}
        scratch=$ROOT/.build-bench/snapshot
        if [ ! -f "$package/Package.swift" ]; then
            log "exporting $INZAGE_REF ($sha) to $package"
            mkdir -p "$package"
            git -C "$ROOT" archive "$sha" | tar -x -C "$package"
            # A test target whose folder was never committed stops SwiftPM from loading the
            # package at all; the benchmark builds no tests, so give it an empty folder.
            local target
            for target in $(grep -A2 '\.testTarget(' "$package/Package.swift" | sed -n 's/.*name:[[:space:]]*"\([^"]*\)".*/\1/p'); do
                [ -d "$package/Tests/$target" ] || { mkdir -p "$package/Tests/$target" && : > "$package/Tests/$target/Placeholder.swift"; }
            done
        fi
        DESCRIBE="commit ${sha:0:12} (INZAGE_REF=$INZAGE_REF)"
    else
        local dirty=""
        [ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no -- Sources Package.swift templates 2>/dev/null)" ] || dirty=", working tree with uncommitted changes"
        DESCRIBE="working tree at $(git -C "$ROOT" rev-parse --short=12 HEAD)$dirty"
    fi
    # The Swift runtime and Foundation linked in: a process starts in half the time (no dynamic
    # loader resolving thousands of symbols), which the demo board's build time is mostly made of.
    log "swift build $SWIFT_BUILD_FLAGS ($DESCRIBE)"
    # shellcheck disable=SC2086
    (cd "$package" && swift build $SWIFT_BUILD_FLAGS --scratch-path "$scratch" 2>&1 | tail -3) || die "swift build failed"
    # shellcheck disable=SC2086
    INZAGE=$(cd "$package" && swift build $SWIFT_BUILD_FLAGS --scratch-path "$scratch" --show-bin-path)/inzage
    [ -x "$INZAGE" ] || die "no binary at $INZAGE"
}

build_floor() {
    mkdir -p "$RESULTS/bin"
    printf '#!/bin/sh\n# stash FOLDER TRASH: move FOLDER aside (if it exists) so the next run starts without it.\n[ -e "$1" ] || exit 0\nexec mv "$1" "$2/$(basename "$1").$(date +%%s%%N)"\n' > "$RESULTS/bin/stash"
    chmod +x "$RESULTS/bin/stash"
    FLOOR=$RESULTS/bin/floor
    # pkg-config's --libs already names the extensions library on Debian; naming it twice is harmless.
    cc -O2 "$BENCH/floor.c" $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -o "$FLOOR" || die "cc floor.c failed"
}

# ---------------------------------------------------------------- corpora
corpus_args() {  # size -> generator arguments
    case $1 in
        p*) echo "--pages ${1#p} --hugo $CORPUS/$1-hugo" ;;
        b*) echo "--bijsluiters ${1#b}" ;;
        *) die "unknown size '$1' (use pN or bM)" ;;
    esac
}

make_corpus() {
    local size=$1 stamp
    stamp="$(sha256sum "$BENCH/generate_corpus.py" | cut -c1-16) $(corpus_args "$size")"
    if [ "$(cat "$CORPUS/$size/.stamp" 2>/dev/null)" != "$stamp" ]; then
        log "generating corpus $size"
        # shellcheck disable=SC2046
        python3 "$BENCH/generate_corpus.py" $(corpus_args "$size") --out "$CORPUS/$size"
        echo "$stamp" > "$CORPUS/$size/.stamp"
    fi
    log "checking corpus $size"
    "$INZAGE" check --content "$CORPUS/$size" --format json > "$RESULTS/$size/check.json" || true
    python3 - "$RESULTS/$size/check.json" <<'EOF' || die "corpus $size does not pass inzage check"
import json, sys
report = json.load(open(sys.argv[1]))
print(f"inzage check: {report['errors']} errors, {report['warnings']} warnings", file=sys.stderr)
for d in report["diagnostics"]:
    if d["severity"] == "error":
        print(f"  {d['file']}:{d['line']}:{d['column']}: {d['code']}: {d['message']}", file=sys.stderr)
sys.exit(1 if report["errors"] else 0)
EOF
}

# ---------------------------------------------------------------- measurements

# timed NAME COMMAND...: one run under /usr/bin/time -v; stdout/stderr/time kept in $DIR/NAME.*
timed() {
    local name=$1; shift
    local status=0
    /usr/bin/time -v -o "$DIR/$name.time" "$@" > "$DIR/$name.stdout" 2> "$DIR/$name.stderr" || status=$?
    echo "$status" > "$DIR/$name.status"
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$DIR/$name.time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/$name.time")
    printf '%-22s status %s, wall %s, peak RSS %s MB\n' "$name" "$status" "$wall" "$((${rss:-0} / 1024))" >&2
    return 0
}

seconds_of() {  # wall time of a timed run in seconds (from /usr/bin/time -v)
    python3 -c '
import sys
t = [l.split(": ", 1)[1] for l in open(sys.argv[1]) if "Elapsed (wall clock)" in l][0]
parts = [float(p) for p in t.split(":")]
s = 0.0
for p in parts: s = s * 60 + p
print(f"{s:.3f}")' "$1"
}

bench_size() {
    local size=$1
    DIR=$RESULTS/$size
    local content=$CORPUS/$size out=$OUT/$size trash=$OUT/$size-old
    rm -rf "$out" "$trash"  # left by an interrupted run
    mkdir -p "$out" "$trash"
    # Every measured run starts without its output folder. The old folder is moved aside, not
    # deleted: creating thousands of files right after deleting thousands makes ext4 skip the
    # recently freed inodes, which slows the next writer (floor most, in relative terms).
    local stash="$RESULTS/bin/stash"
    # Under a time and an address-space limit, so a runaway build fails on its own.
    local limit=(timeout "$TIMEOUT" prlimit --as=$((MEM_LIMIT_MB * 1024 * 1024)) --)
    local inz=("${limit[@]}" "$INZAGE" build --content "$content" --output "$out/inzage")
    local inz_sh="prlimit --as=$((MEM_LIMIT_MB * 1024 * 1024)) -- '$INZAGE' build --content '$content' --output '$out/inzage'"

    log "$size: first inzage build (timed, peak RSS)"
    "$stash" "$out/inzage" "$trash"
    timed inzage-build "${inz[@]}"
    [ "$(cat "$DIR/inzage-build.status")" = 0 ] || { cat "$DIR/inzage-build.stderr" | tail -5 >&2; echo "inzage build failed for $size (see $DIR/inzage-build.stderr)" >&2; }
    local first
    first=$(seconds_of "$DIR/inzage-build.time")

    if [ "$(cat "$DIR/inzage-build.status")" = 0 ] && { python3 -c "import sys; sys.exit(0 if $first <= $SLOW else 1)" || [ "$SLOW_REBUILD" = 1 ]; }; then
        # Someone edits a file seconds after a build at the earliest. A build trusts the stat of a
        # published page only when the page has not changed for 2 s (BuildSession.racyInterval),
        # so the rebuilds are timed after such a pause: the no-change rebuild reads every page
        # once and records its stat, and the edits after it find the pages by their stat, as the
        # second and later builds of a working session do.
        sleep 3
        log "$size: no-change rebuild"
        timed inzage-rebuild "${inz[@]}"
    else
        rm -f "$DIR/inzage-rebuild."*
        echo "skipped: the first build took ${first}s (> BENCH_SLOW_SECONDS=$SLOW); BENCH_SLOW_REBUILD=1 times it anyway" > "$DIR/inzage-rebuild.skipped"
    fi

    local cmds=() names=() prepares=()
    if python3 -c "import sys; sys.exit(0 if $first <= $SLOW else 1)" && [ "$(cat "$DIR/inzage-build.status")" = 0 ]; then
        names+=("inzage build"); cmds+=("$inz_sh"); prepares+=("'$stash' '$out/inzage' '$trash'")
        echo "hyperfine" > "$DIR/inzage-mode"
    else
        echo "single" > "$DIR/inzage-mode"
    fi

    case $size in
        p*)
            log "$size: hugo and floor (peak RSS)"
            "$stash" "$out/hugo" "$trash"; "$stash" "$out/floor" "$trash"
            timed hugo hugo --quiet -s "$CORPUS/$size-hugo" -d "$out/hugo"
            timed floor "$FLOOR" "$content/paginas" "$out/floor"
            names+=("hugo" "floor"); prepares+=("'$stash' '$out/hugo' '$trash'" "'$stash' '$out/floor' '$trash'")
            cmds+=("hugo --quiet -s '$CORPUS/$size-hugo' -d '$out/hugo'" "'$FLOOR' '$content/paginas' '$out/floor'")
            ;;
        b*)
            log "$size: inzage check and floor (peak RSS)"
            "$stash" "$out/floor" "$trash"
            timed inzage-check "${limit[@]}" "$INZAGE" check --content "$content"
            timed floor "$FLOOR" "$content/bijsluiters" "$out/floor"
            names+=("inzage check" "floor"); prepares+=("true" "'$stash' '$out/floor' '$trash'")
            cmds+=("prlimit --as=$((MEM_LIMIT_MB * 1024 * 1024)) -- '$INZAGE' check --content '$content'" "'$FLOOR' '$content/bijsluiters' '$out/floor'")

            # Each kind of edit REBUILDS times, each from the original: the edit and a timed
            # build, then the original back and a build. The report takes the median: a single
            # run of a 100 ms build moves by tens of milliseconds on a shared machine.
            local files=("$content"/bijsluiters/*.md) one
            one=$(basename "${files[0]}")
            cp "$content/bijsluiters/$one" "$DIR/changed-file.orig"
            # timed_edits NAME PYTHON: PYTHON rewrites the text `t` of the file; NAME.1 … NAME.N are timed.
            timed_edits() {
                local name=$1 rewrite=$2 run
                rm -f "$DIR/$name".*
                for run in $(seq 1 "$REBUILDS"); do
                    python3 -c 'import re, sys; p = sys.argv[1]; t = open(p, encoding="utf-8").read(); open(p, "w", encoding="utf-8").write(eval(sys.argv[2]))' \
                        "$content/bijsluiters/$one" "$rewrite"
                    timed "$name.$run" "${inz[@]}"
                    cp "$DIR/changed-file.orig" "$content/bijsluiters/$one"
                    timed inzage-rebuild-restored "${inz[@]}"
                done
            }
            log "$size: rebuild after changing one bijsluiter's body ($REBUILDS times)"
            timed_edits inzage-rebuild-one-change 't + "\nDeze zin is toegevoegd om een wijziging in één bestand te meten.\n"'
            # A front-matter field no list shows, then the product's name, which every list shows
            # (as serve_rebuild.py --edit field and --edit name).
            log "$size: rebuild after changing a front-matter field of one bijsluiter ($REBUILDS times)"
            timed_edits inzage-rebuild-one-field 're.sub(r"(?m)^bewaartermijn: ", "bewaartermijn: Gewijzigd. ", t, count=1)'
            log "$size: rebuild after renaming one bijsluiter's product ($REBUILDS times)"
            timed_edits inzage-rebuild-one-name 're.sub(r"(?m)^(product: .*)$", r"\1 2", t, count=1)'

            local edit
            for edit in body field name; do
                log "$size: rebuilds under inzage serve after editing one bijsluiter ($edit)"
                python3 "$BENCH/serve_rebuild.py" "$INZAGE" "$content" "$out/serve-$edit" "$DIR/serve-$edit.json" --edits 5 --edit "$edit" >&2 \
                    || echo "serve_rebuild.py failed for $size ($edit)" >&2
            done
            ;;
    esac

    log "$size: hyperfine (${names[*]})"
    local args=(--warmup "$WARMUP" --runs "$RUNS" --export-json "$DIR/hyperfine.json" --export-markdown "$DIR/hyperfine.md")
    local i
    for i in "${!cmds[@]}"; do args+=(--prepare "${prepares[$i]}"); done
    for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
    hyperfine "${args[@]}" >&2 || echo "hyperfine failed for $size" >&2
    # The outputs are deleted only when every corpus is measured (see LEFT_OVER).
    LEFT_OVER+=("$out" "$trash")
}

# The demo board in content/ (about 20 pages): what a newcomer builds first. Start-up and the
# first use of everything dominate here, not the pages.
bench_demo() {
    local dir=$RESULTS/demo out=$OUT/demo
    mkdir -p "$dir"
    rm -f "$dir/hyperfine."*
    log "demo board: hyperfine (inzage build of content/)"
    hyperfine --warmup 3 --runs $((RUNS * 4)) --prepare "rm -rf '$out'" --export-json "$dir/hyperfine.json" \
        -n "inzage build" "'$INZAGE' build --content '$ROOT/content' --output '$out'" >&2 || echo "hyperfine failed for the demo board" >&2
}

# ---------------------------------------------------------------- report
write_report() {
    {
        echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
        echo "inzage=${DESCRIBE:-unknown}"
        echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) ($(nproc) cores)"
        echo "memory=$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
        echo "os=$(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
        echo "swift=$(swift --version 2>&1 | head -1)"
        echo "build=swift build $SWIFT_BUILD_FLAGS"
        echo "hugo=$(hugo version 2>/dev/null | cut -d' ' -f1-2)"
        echo "hyperfine=$(hyperfine --version)"
        echo "cmark=libcmark-gfm $(pkg-config --modversion libcmark-gfm)"
        echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)"
    } > "$RESULTS/machine.txt.new"
    # Keep the description of the run that produced the results when only the report is rewritten.
    if [ -n "${BENCH_REPORT_ONLY:-}" ] && [ -f "$RESULTS/machine.txt" ]; then rm "$RESULTS/machine.txt.new"; else mv "$RESULTS/machine.txt.new" "$RESULTS/machine.txt"; fi
    python3 - "$RESULTS" <<'EOF'
import json, re, sys
from pathlib import Path

results = Path(sys.argv[1])
machine = dict(l.rstrip("\n").split("=", 1) for l in open(results / "machine.txt") if "=" in l)

def timefile(size, name):
    p = results / size / f"{name}.time"
    if not p.exists():
        return None
    text = p.read_text()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    status = (results / size / f"{name}.status").read_text().strip()
    out = (results / size / f"{name}.stdout").read_text() + (results / size / f"{name}.stderr").read_text()
    return {"seconds": seconds, "rss_mb": rss / 1024, "status": status, "output": out}

def edits(size, name):
    """The timed builds NAME.1 … NAME.N (or NAME alone, from an older run): the median's seconds,
    the first run's output, and the range."""
    runs = [r for r in (timefile(size, f"{name}.{i}") for i in range(1, 1000)) if r] or [r for r in [timefile(size, name)] if r]
    if not runs:
        return None
    seconds = sorted(r["seconds"] for r in runs)
    middle = len(seconds) // 2
    median = seconds[middle] if len(seconds) % 2 else (seconds[middle - 1] + seconds[middle]) / 2
    return dict(runs[0], seconds=median, n=len(runs), low=seconds[0], high=seconds[-1])

def fmt_s(s):
    if s is None: return "–"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"

def ratio(h, i):
    """hugo/inzage: above 1 inzage is faster; far below 1 also say how much slower it is."""
    if not (h and i): return "–"
    r = h / i
    return f"{r:.2f}×" if r >= 0.1 else f"{r:.4f}× (inzage {i / h:.0f}× slower)"

def fmt_mb(m):
    return "–" if m is None else f"{m:.0f} MB"

def written(run):
    m = run and re.search(r"(\d+) bestand(?:en)? geschreven, (\d+) ongewijzigd", run["output"])
    return (int(m.group(1)), int(m.group(2))) if m else None

sizes = sorted([p.name for p in results.iterdir() if p.is_dir() and re.fullmatch(r"[pb]\d+", p.name)],
               key=lambda s: (s[0] == "b", int(s[1:])))
rows, notes, targets = [], [], []
for size in sizes:
    d = results / size
    medians, stats = {}, {}
    if (d / "hyperfine.json").exists():
        for r in json.load(open(d / "hyperfine.json"))["results"]:
            medians[r["command"]] = r["median"]
            stats[r["command"]] = (r["mean"], r.get("stddev") or 0.0, len(r["times"]))
    first = timefile(size, "inzage-build")
    mode = (d / "inzage-mode").read_text().strip() if (d / "inzage-mode").exists() else "?"
    if "inzage build" not in medians and first and first["status"] == "0":
        medians["inzage build"] = first["seconds"]
        stats["inzage build"] = (first["seconds"], 0.0, 1)
        notes.append(f"{size}: the first inzage build took {fmt_s(first['seconds'])}, over BENCH_SLOW_SECONDS, so it was "
                     "not repeated by hyperfine; the table shows that single timed run (n=1).")
    elif first and first["status"] != "0":
        notes.append(f"{size}: inzage build failed (exit {first['status']}); see results/{size}/inzage-build.stderr.")
    rebuild = timefile(size, "inzage-rebuild")
    one = edits(size, "inzage-rebuild-one-change")
    field = edits(size, "inzage-rebuild-one-field")
    name = edits(size, "inzage-rebuild-one-name")
    rss = {k: (timefile(size, n) or {}).get("rss_mb") for k, n in [("inzage", "inzage-build"), ("hugo", "hugo"), ("floor", "floor"), ("check", "inzage-check")]}
    serve = {edit: json.loads((d / f"serve-{edit}.json").read_text()) for edit in ("body", "field", "name") if (d / f"serve-{edit}.json").exists()}
    rows.append(dict(size=size, medians=medians, stats=stats, rss=rss, rebuild=rebuild, one=one, field=field, name=name, first=first, serve=serve,
                     skipped=(d / "inzage-rebuild.skipped").read_text().strip() if (d / "inzage-rebuild.skipped").exists() else None))

def label(size):
    n = int(size[1:])
    return f"{n:,} pages".replace(",", " ") if size[0] == "p" else f"{n:,} bijsluiters".replace(",", " ")

L = ["# Inzage benchmark report", ""]
L += [f"- Date: {machine.get('date')}", f"- Inzage: {machine.get('inzage')}, built with `{machine.get('build', 'swift build -c release')}`", f"- Machine: {machine.get('cpu')}, {machine.get('memory')} RAM, {machine.get('os')}",
      f"- Tools: {machine.get('swift')}; {machine.get('hugo')}; {machine.get('cmark')}; {machine.get('hyperfine')}",
      f"- Load average at the end of the run: {machine.get('loadavg_end')} (other work on the machine makes times noisier)", ""]
L += ["## Full builds (hyperfine medians, ± standard deviation; fresh output folder before every run)", "",
      "| corpus | inzage build | hugo | cmark floor | inzage check | hugo / inzage | inzage / floor |", "|---|---|---|---|---|---|---|"]
for r in rows:
    m = r["medians"]
    i, h, f, c = m.get("inzage build"), m.get("hugo"), m.get("floor"), m.get("inzage check")
    def n(cmd):
        s = r["stats"].get(cmd)
        return "" if not s else f" (n={s[2]})" if s[2] == 1 else f" (±{fmt_s(s[1])})"
    L.append(f"| {label(r['size'])} | {fmt_s(i)}{n('inzage build')} | {fmt_s(h)}{n('hugo') if h else ''} | {fmt_s(f)}{n('floor') if f else ''} | {fmt_s(c)}{n('inzage check') if c else ''} "
             f"| {ratio(h, i)} | {f'{i / f:.0f}×' if f and i else '–'} |")
L += ["", "## Peak memory (maximum resident set size, one run under /usr/bin/time -v)", "",
      "| corpus | inzage build | inzage check | hugo | cmark floor |", "|---|---|---|---|---|"]
for r in rows:
    L.append(f"| {label(r['size'])} | {fmt_mb(r['rss']['inzage'])} | {fmt_mb(r['rss']['check'])} | {fmt_mb(r['rss']['hugo'])} | {fmt_mb(r['rss']['floor'])} |")
SERVE_EDITS = {"body": "its body", "field": "a front-matter field no list shows", "name": "its name, which every list shows"}
L += ["", "## Rebuilds (same output folder, the first 3 s after the full build; an edit: median of its runs, each from the original)", "",
      "| corpus | rebuild | time | files written | unchanged |", "|---|---|---|---|---|"]
for r in rows:
    for kind, run in [("no change", r["rebuild"]), ("one bijsluiter changed (its body)", r["one"]),
                      ("one bijsluiter changed (a front-matter field no list shows)", r["field"]),
                      ("one bijsluiter changed (its name, which every list shows)", r["name"])]:
        if run:
            w = written(run)
            spread = f" (median of {run['n']}; {fmt_s(run['low'])}–{fmt_s(run['high'])})" if run.get("n", 1) > 1 else ""
            L.append(f"| {label(r['size'])} | {kind}{spread} | {fmt_s(run['seconds'])} | {w[0] if w else '?'} | {w[1] if w else '?'} |")
        elif kind == "no change" and r["skipped"]:
            L.append(f"| {label(r['size'])} | {kind} | not run: {r['skipped']} | | |")
    for edit, sv in (r.get("serve") or {}).items():
        L.append(f"| {label(r['size'])} | one bijsluiter changed ({SERVE_EDITS[edit]}), under `inzage serve` (median of {sv['rebuilds']}; "
                 f"{fmt_s(sv['min_rebuild_seconds'])}–{fmt_s(sv['max_rebuild_seconds'])}; edit to reload-ready {fmt_s(sv['median_wall_seconds'])}) "
                 f"| {fmt_s(sv['median_rebuild_seconds'])} | | |")

demo = None
if (results / "demo" / "hyperfine.json").exists():
    r = json.load(open(results / "demo" / "hyperfine.json"))["results"][0]
    demo = dict(median=r["median"], sd=r.get("stddev") or 0.0, n=len(r["times"]))
    L += ["", "## Demo board (`content/`, hyperfine median of %d, fresh output folder before every run)" % demo["n"], "",
          f"`inzage build`: {fmt_s(demo['median'])} (±{fmt_s(demo['sd'])})"]

# Targets from product.md.
def verdict(ok):
    return "met" if ok else "**missed**"
T = []
if demo:
    # "Well under" read as at least a fifth under: 80 ms at most.
    T.append(f"| demo board: builds in well under 100 ms (read as 80 ms at most) | {fmt_s(demo['median'])} | {verdict(demo['median'] <= 0.08)} |")
p10 = next((r for r in rows if r["size"] == "p10000"), None)
if p10:
    m = p10["medians"]
    i, h, f = m.get("inzage build"), m.get("hugo"), m.get("floor")
    if i and h:
        T.append(f"| 10 000 pages: at least 4× faster than Hugo | hugo/inzage = {ratio(h, i)} | {verdict(h / i >= 4)} |")
    if i and f:
        T.append(f"| 10 000 pages: within 4× of the cmark floor | inzage/floor = {i / f:.0f}× | {verdict(i / f <= 4)} |")
    if p10["rss"]["inzage"]:
        T.append(f"| 10 000 pages: peak memory under 250 MB | {fmt_mb(p10['rss']['inzage'])} | {verdict(p10['rss']['inzage'] < 250)} |")
b2 = next((r for r in rows if r["size"] == "b2000"), None)
if b2:
    i = b2["medians"].get("inzage build")
    if i:
        T.append(f"| 2 000 bijsluiters: full build with all checks under 1 s | {fmt_s(i)} | {verdict(i < 1)} |")
    if b2["one"]:
        T.append(f"| 2 000 bijsluiters: rebuild after changing one file under 100 ms (`inzage build`, its body; with the build and findings records of the build before) | {fmt_s(b2['one']['seconds'])} | {verdict(b2['one']['seconds'] < 0.1)} |")
    if b2["field"]:
        T.append(f"| 2 000 bijsluiters: rebuild after changing one file under 100 ms (`inzage build`, a front-matter field no list shows) | {fmt_s(b2['field']['seconds'])} | {verdict(b2['field']['seconds'] < 0.1)} |")
    if b2["name"]:
        T.append(f"| 2 000 bijsluiters: rebuild after changing one file under 100 ms (`inzage build`, its name, which every list shows) | {fmt_s(b2['name']['seconds'])} | {verdict(b2['name']['seconds'] < 0.1)} |")
    for edit, run in (b2.get("serve") or {}).items():
        sv = run["median_rebuild_seconds"]
        T.append(f"| 2 000 bijsluiters: rebuild after changing one file under 100 ms (`inzage serve`, {SERVE_EDITS[edit]}) | {fmt_s(sv)} | {verdict(sv < 0.1)} |")
for r in rows:
    w = written(r["rebuild"])
    if w is not None:
        T.append(f"| {label(r['size'])}: a rebuild with no change writes nothing | {w[0]} files written | {verdict(w[0] == 0)} |")
if T:
    L += ["", "## Targets (product.md)", "", "| target | measured | |", "|---|---|---|"] + T
if notes:
    L += ["", "## Notes", ""] + [f"- {n}" for n in notes]
L += ["", "Raw data: `results/<corpus>/hyperfine.json`, `*.time` (GNU time -v), `*.stdout`, `check.json`, `serve-<edit>.json`.", ""]
(results / "report.md").write_text("\n".join(L))
print("\n".join(L))
EOF
}

# ---------------------------------------------------------------- main
# The output folders of every measured run, deleted once all measurements are done. Deleting
# them between corpora made the next corpus slower: ext4 without a journal (as on this machine)
# skips inodes freed in the last minute (longer while they are not written back) when it makes
# new files, so after the 150 000 files of the 10 000-page runs were deleted, a full build of
# 2 000 bijsluiters took 4.3-5.0 s instead of 3.4 s, its system time 0.5 -> 2.5 s.
LEFT_OVER=()
delete_left_over() {
    [ ${#LEFT_OVER[@]} -eq 0 ] || rm -rf "${LEFT_OVER[@]}"
}
trap delete_left_over EXIT
if [ -n "${BENCH_REPORT_ONLY:-}" ]; then
    write_report
    exit 0
fi
install_tools
build_inzage
build_floor
for size in $SIZES; do
    mkdir -p "$RESULTS/$size"
    rm -f "$RESULTS/$size/"*.time "$RESULTS/$size/"*.status "$RESULTS/$size/"*.stdout "$RESULTS/$size/"*.stderr "$RESULTS/$size/"*.skipped "$RESULTS/$size/hyperfine."*
    make_corpus "$size"
done
# The default theme comes from the package the binary was built from; run from a folder without
# a templates/ folder so no local override is picked up.
cd "$RESULTS"
for size in $SIZES; do
    bench_size "$size"
done
bench_demo
write_report
log "report: $RESULTS/report.md"
