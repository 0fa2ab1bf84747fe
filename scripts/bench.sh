#!/usr/bin/env bash
# Builds the release dist and prints Mend's size and speed figures. It only
# reports; nothing here fails on a number. Usage: scripts/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --bench >/dev/null
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release >/dev/null
exec node scripts/bench.mjs "${1:-7}"
