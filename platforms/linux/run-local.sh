#!/bin/sh
# The main job: a local sync server on its embedded default (SQLite), a device holding the
# labelled demo round, and the app on that device. Run from the repository root after a build.
#   sh platforms/linux/run-local.sh [BUILD_DIR]
# Data: $FIELDLEDGER_HOME (default ~/.local/share/fieldledger-local). Passphrase of the demo
# device: "demo passphrase". Stop with Ctrl+C; the server stops with the app.
set -eu
build="${1:-build}"
home="${FIELDLEDGER_HOME:-$HOME/.local/share/fieldledger-local}"
server_dir="$home/server"
device_dir="$home/device"
pass="demo passphrase"
mkdir -p "$home"

"$build/bin/fieldledger-server" --data "$server_dir" --port 0 > "$home/server.out" 2> "$home/server.log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
    url=$(sed -n 's/^listening on //p' "$home/server.out" 2>/dev/null | head -n 1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "${url:-}" ] || { echo "the server did not start; see $home/server.log" >&2; exit 1; }
echo "sync server (SQLite in $server_dir) at $url"

cli() { printf '%s\n' "$pass" | "$build/bin/fieldledger-cli" --data "$device_dir" "$@"; }
if [ ! -f "$device_dir/vault.json" ]; then
    if [ -n "${FIELDLEDGER_NO_DEMO:-}" ]; then
        echo "creating an empty device in $device_dir"
        cli init --kdf interactive > /dev/null
    else
        echo "creating the device in $device_dir with the demo round (labelled 演示/demo)"
        cli demo > /dev/null
    fi
    code=$("$build/bin/fieldledger-server" --data "$server_dir" admin enrol-code --role office)
    cli enrol --server "$url" --code "$code" --name "local office" > /dev/null
    # Register each round on the server with its key sealed to this device, then sync.
    for campaign in $(cli --json campaign list | tr '{' '\n' | sed -n 's/.*"id":"\([^"]*\)".*/\1/p'); do
        cli share --campaign "$campaign" > /dev/null
    done
fi
cli sync --server "$url" || true

echo "starting the app; the demo device's passphrase is: $pass"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "no display: running the app's self-test instead (use a desktop session to see it)"
    QT_QPA_PLATFORM=offscreen "$build/bin/fieldledger" --data "$device_dir" --self-test
else
    "$build/bin/fieldledger" --data "$device_dir"
fi
