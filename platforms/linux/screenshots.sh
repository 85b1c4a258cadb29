#!/bin/sh
# Screenshots of the tablet app's main pages, in zh_CN and en, into docs/screenshots/:
# the CLI's demo round in a throw-away folder, the app on a virtual 1280x800 screen walking
# its pages (--screenshot-dir saves each window with QQuickWindow::grabWindow()).
# So that the sync page has something to show, the demo folder is enrolled (as the office)
# with a throw-away fieldledger-server on a free loopback port, and a second device (an
# inspector's tablet) changes the same finding as the demo folder before both sync: two
# conflicts. A photo recorded last is sent by the app's own first sync.
# Usage: platforms/linux/screenshots.sh [BUILD_DIR]     (default: build)
# Needs: xvfb, xauth, libgl1-mesa-dri, fonts-noto-cjk (see .ci/bootstrap).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
bin=$build/bin
out=$root/docs/screenshots
data=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pass='demo passphrase'
cli() { # FOLDER ARGS...: the CLI on a device folder, the passphrase on stdin
    folder=$1
    shift
    printf '%s\n' "$pass" | "$bin/fieldledger-cli" --data "$data/$folder" "$@"
}

demo=$(cli demo demo)
campaign=$(printf '%s\n' "$demo" | sed -n 's/^Demo campaign .*(\([0-9a-f-]*\))$/\1/p')
visit=$(printf '%s\n' "$demo" | sed -n 's/.* visit \([0-9a-f-]*\) on .*/\1/p')
finding=$(cli demo finding list --visit "$visit" | head -n 1 | cut -d ' ' -f 1)

# The server prints its address on its first line (the file exists before it starts, so the
# first look does not race the redirection).
: >"$data/server.out"
"$bin/fieldledger-server" --data "$data/server" --port 0 >"$data/server.out" 2>"$data/server.log" &
server_pid=$!
url=""
for _ in $(seq 100); do
    url=$(sed -n '1s/^listening on //p' "$data/server.out")
    [ -n "$url" ] && break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "screenshots: the sync server did not start:" >&2
    cat "$data/server.log" >&2
    exit 1
fi
code() { "$bin/fieldledger-server" --data "$data/server" admin enrol-code --role "$1"; }

cli tablet init --kdf minimum >/dev/null
cli demo enrol --server "$url" --code "$(code office)" --name "督查室" >/dev/null
cli tablet enrol --server "$url" --code "$(code inspector)" --name "第二督查组平板" >/dev/null
cli demo share --campaign "$campaign" >/dev/null
cli demo sync >/dev/null
cli tablet sync >/dev/null
# Both change the same finding before either syncs again.
cli tablet finding set "$finding" title "2026年中心组集体学习仅开展3次，未达年度计划" >/dev/null
cli tablet finding set "$finding" deduction 4.5 >/dev/null
cli demo finding set "$finding" title "中心组学习次数不足（计划12次，实际3次）" >/dev/null
cli demo finding set "$finding" deduction 3.5 >/dev/null
cli tablet sync >/dev/null
cli demo sync >/dev/null
cli demo photo add --record "$finding" --file "$root/tests/data/photo_gps.jpg" \
    --caption "中心组学习记录本" >/dev/null

# The ledger's states: the demo's finding in rectification reported fixed with a photo as
# evidence (验收 due), and another one past its due date (yesterday, when that is after the
# visit's day).
second=$(cli demo finding list --visit "$visit" | sed -n 2p | cut -d ' ' -f 1)
third=$(cli demo finding list --visit "$visit" | sed -n 3p | cut -d ' ' -f 1)
evidence=$(cli demo photo add --record "$second" --file "$root/tests/data/photo_rotated.jpg" \
    --caption "支部党员大会会议记录")
cli demo finding transition "$second" submit_for_verification --actor "李华" \
    --note "单位报告已于11月补开支部党员大会" --evidence "$evidence" >/dev/null
yesterday=$(date -d yesterday +%F)
if expr "$yesterday" \> 2026-11-20 >/dev/null; then
    cli demo finding set "$third" due_date "$yesterday" >/dev/null
fi

mkdir -p "$out"
for lang in zh_CN en; do
    rm -f "$out/$lang"-*.png
    # No hover highlight where Xvfb happens to leave its pointer.
    printf '%s\n' "$pass" | QT_QUICK_CONTROLS_HOVER_ENABLED=0 \
        xvfb-run -a -s "-screen 0 1280x800x24" \
            "$bin/fieldledger" --data "$data/demo" --lang "$lang" --passphrase-stdin \
            --screenshot-dir "$out"
done
ls -l "$out"
