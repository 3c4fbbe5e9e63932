#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build Inzage: libcmark-gfm (Markdown), mimalloc (the memory
# allocator Inzage links) and pkg-config.
# Swift itself (6.x) is expected on PATH.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
need=()
[ -f /usr/include/cmark-gfm.h ] || need+=(libcmark-gfm-dev)
[ -f /usr/include/cmark-gfm-core-extensions.h ] || need+=(libcmark-gfm-extensions-dev)
[ -f /usr/include/mimalloc.h ] || need+=(libmimalloc-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q "${need[@]}"
fi
