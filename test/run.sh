#!/usr/bin/env bash
# The whole test suite, exactly what `npm test` runs on a newcomer's machine and in CI:
# install what is missing, type check, lint, build, then unit, integration and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "== installing Debian's chromium for the end-to-end tests"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# `npm install`, not `npm ci`: npm 11 writes lock files without other platforms' optional packages
# (@next/swc-darwin-*, @tailwindcss/oxide-win32-*, ...) and then `npm ci` refuses them as out of sync.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing dependencies (npm install)"
  npm install --no-audit --no-fund
fi
[ -d lib/generated/app-sqlite ] || node prisma/generate.mjs

echo "== type check"
npx tsc --noEmit
echo "== lint"
npx eslint --max-warnings 0 .
echo "== production build (npm run build: the app, the flow pages' stylesheet, the server bundles)"
npm run build > /tmp/gatehouse-build.log 2>&1 || { cat /tmp/gatehouse-build.log; exit 1; }

echo "== unit, integration and end-to-end tests (${GATEHOUSE_TEST_DATABASE:-sqlite})"
mapfile -t files < <(find test/unit test/integration test/e2e -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency=1 "${files[@]}"
