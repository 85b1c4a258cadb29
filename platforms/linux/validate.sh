#!/bin/sh
# Validates the Linux desktop entry and the AppStream metainfo (ctest: linux_desktop_metadata).
# Exits 77 (ctest SKIP_RETURN_CODE) when the validators are not installed: they come from
# the desktop-file-utils and appstream packages (see .ci/bootstrap).
set -eu
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "validate: $tool is not installed; skipping" >&2
        exit 77
    fi
done
here=$(cd "$(dirname "$0")" && pwd)
desktop-file-validate "$here/fieldledger.desktop"
appstreamcli validate --no-net --strict "$here/org.fieldledger.FieldLedger.metainfo.xml"
echo "validate: fieldledger.desktop and the metainfo are valid"
