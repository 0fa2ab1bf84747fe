#!/usr/bin/env bash
# Sets up what is missing, then serves Mend at http://127.0.0.1:8080/ with
# live rebuilds. Extra arguments go to `trunk serve` (e.g. --release).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "Mend will be at http://127.0.0.1:8080/ once the first build finishes."
exec trunk serve "$@"
