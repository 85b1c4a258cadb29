#!/bin/sh
# Screenshots of the tablet app's main pages, in zh_CN and en, into docs/screenshots/:
# the CLI's demo round in a throw-away folder, the app on a virtual 1280x800 screen walking
# its pages (--screenshot-dir saves each window with QQuickWindow::grabWindow()).
# Usage: platforms/linux/screenshots.sh [BUILD_DIR]     (default: build)
# Needs: xvfb, xauth, libgl1-mesa-dri, fonts-noto-cjk (see .ci/bootstrap).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out=$root/docs/screenshots
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT INT TERM

printf 'demo passphrase\n' | "$build/bin/fieldledger-cli" --data "$data/demo" demo >/dev/null
mkdir -p "$out"
for lang in zh_CN en; do
    rm -f "$out/$lang"-*.png
    # No hover highlight where Xvfb happens to leave its pointer.
    printf 'demo passphrase\n' | QT_QUICK_CONTROLS_HOVER_ENABLED=0 \
        xvfb-run -a -s "-screen 0 1280x800x24" \
            "$build/bin/fieldledger" --data "$data/demo" --lang "$lang" --passphrase-stdin \
            --screenshot-dir "$out"
done
ls -l "$out"
