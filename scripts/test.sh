#!/usr/bin/env bash
# Sets up what is missing, then runs every check Mend has: formatting, lints,
# domain tests, browser tests, the release builds and the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# setup.sh installed Firefox ESR and geckodriver: their tests must run, not skip.
export MEND_E2E_FIREFOX=required
# And WebKitGTK with Xvfb, for the WebKit tests.
export MEND_E2E_WEBKIT=required
# The source articles (../shared/seeds/) sit beside the repository here and in
# CI: the originality check must run, not skip.
export MEND_ORIGINALITY=required

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "format"
cargo fmt --all --check

step "lint (native and wasm32)"
cargo clippy --all-targets -- -D warnings
# Examples are native tools (they read files), so wasm32 lints the app and its tests.
cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
# The release build splits pages into chunks behind the `split` feature.
cargo clippy --target wasm32-unknown-unknown --lib --bins --features split -- -D warnings

step "guide content: written in our own words, translations shaped like their English"
python3 scripts/check_originality.py
python3 scripts/check_translation.py es

step "domain tests (native)"
# The store's model test runs 10,000 random sequences of tabs; it says so.
cargo test -- --skip tabs_locks_passphrases_and_erasing
cargo test --lib tabs_locks_passphrases_and_erasing -- --nocapture

step "browser tests (wasm-bindgen-test, headless Chromium)"
# ChromeDriver occasionally fails to start on a loaded machine ("driver failed
# to bind port"); that says nothing about Mend, so only that is retried. Any
# test failure fails at once.
mkdir -p target
for attempt in 1 2 3; do
  if cargo test --target wasm32-unknown-unknown --test browser --test store --test crypto 2>&1 | tee target/browser-tests.log; then
    break
  fi
  if [ "$attempt" = 3 ] || ! grep -q "driver failed to bind port" target/browser-tests.log; then
    exit 1
  fi
  echo "ChromeDriver did not start (attempt $attempt of 3); trying again."
done

step "release builds (served from / and from /mend/)"
trunk build --release
# The sub-path copy also carries the pseudo-locale (tests/e2e/pseudo.test.mjs);
# the copy in dist, which the size budget measures, is the one that ships.
MEND_PSEUDO=1 trunk build --release --public-url /mend/ --dist target/dist-mend

step "size budget (first load of the release build, brotli)"
node scripts/size_budget.mjs dist

step "end-to-end tests (release build in headless Chromium, Firefox ESR and WebKitGTK)"
node --test --test-reporter=spec tests/e2e/
