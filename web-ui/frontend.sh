#!/usr/bin/env bash
# The Maven build's npm steps (install | build | test), with the machine's npm.
# Every module that depends on the orchestrator builds this one too, often from several shells
# in one work tree at once: so each step holds a lock, and install/build are skipped when
# nothing they read changed since they last ran.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p target
exec 9>target/.frontend.lock
flock 9

out=target/classes/META-INF/resources/index.html
case "${1:?install|build|test}" in
  install)
    if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
      exit 0
    fi
    npm ci --no-audit --no-fund --prefer-offline --loglevel=error
    ;;
  build)
    if [ -f "$out" ] && [ -z "$(find src index.html vite.config.ts tsconfig.json package-lock.json -newer "$out" -print -quit)" ]; then
      echo "web-ui: build is up to date"
      exit 0
    fi
    npm run build --silent
    ;;
  test)
    CI=true npx --no-install vitest run
    ;;
  *)
    echo "usage: $0 install|build|test" >&2
    exit 2
    ;;
esac
