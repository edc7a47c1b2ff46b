#!/bin/sh
# Installs what tests/browser/check.mjs needs: the system Chromium (Debian package) and the
# pinned npm packages from package-lock.json. Idempotent: safe to run again; CI calls it.
# playwright-core never downloads a browser; check.mjs drives /usr/bin/chromium.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -ne 0 ]; then
        sudo=sudo
    else
        sudo=
    fi
    echo "install.sh: /usr/bin/chromium missing, installing the Debian package 'chromium'" >&2
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
fi

if ! command -v npm >/dev/null 2>&1; then
    echo "install.sh: npm not found; install Node.js 18 or newer (Debian: apt-get install nodejs npm)" >&2
    exit 1
fi

cd "$here"
# npm ci installs exactly the lockfile; the env var is belt and braces in case a future
# playwright package grows an install hook that fetches browsers.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
echo "install.sh: ready ($(/usr/bin/chromium --version 2>/dev/null || echo chromium))"
