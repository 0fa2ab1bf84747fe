#!/usr/bin/env bash
# Installs whatever Mend's build and tests need and is missing; skips each
# piece already present at the right version, so it is cheap on a warm machine.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.36.0
# The CLI must match the wasm-bindgen crate the app links, so read it from the lockfile.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver from apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# The second engine of the e2e tests: Firefox ESR, driven by geckodriver.
if ! command -v firefox-esr >/dev/null; then
  say "installing Firefox ESR from apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr
fi
# The third: WebKit (the engine of Safari), as WebKitGTK's MiniBrowser driven
# by WebKitWebDriver, in a virtual display. Playwright's own WebKit build
# comes from a host these machines cannot reach; Debian's can.
if ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
  say "installing WebKitGTK's WebDriver and Xvfb from apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb
fi
if [ "$( (geckodriver --version 2>/dev/null || true) | awk 'NR == 1 { print $2 }')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (a few minutes)"
  cargo install --force --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: its lockfile pins a crate this registry mirror lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Splits the app's wasm by page (scripts/build_wasm.py). Its CLI prints no
# version, so the version cargo recorded for it is read instead.
WASM_SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null \
  || ! grep -q "wasm_split_cli_support $WASM_SPLIT_VERSION" "$HOME/.cargo/.crates.toml" 2>/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes)"
  cargo install --force --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes on two cores)"
  cargo install --force --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-opt and the e2e browser driver live in ./node_modules (ignored by git).
npm_version() { node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(npm_version binaryen)" != "132.0.0" ] || [ "$(npm_version playwright-core)" != "1.64.1" ] \
  || [ "$(npm_version terser)" != "5.51.4" ] || [ "$(npm_version axe-core)" != "4.14.1" ]; then
  say "installing npm tools (binaryen, playwright-core, terser, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The benchmark alone reads the wasm with twiggy: ./scripts/setup.sh --bench.
TWIGGY_VERSION=0.8.0
if [ "${1:-}" = "--bench" ] && [ "$(twiggy --version 2>/dev/null || true)" != "twiggy $TWIGGY_VERSION" ]; then
  say "installing twiggy $TWIGGY_VERSION (for the benchmark)"
  cargo install --force --locked twiggy --version "$TWIGGY_VERSION"
fi

say "ready"
