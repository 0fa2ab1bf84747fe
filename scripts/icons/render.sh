#!/usr/bin/env bash
# Renders Mend's PNG icons from mend.svg with headless Chromium. Run by hand
# when the logo changes; the PNGs are committed under public/icons/.
set -euo pipefail
cd "$(dirname "$0")"
out=../../public/icons
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp mend.svg "$out/mend.svg"
svg=$(base64 -w0 mend.svg)

render() { # size, inset percent (0 = rounded tile, >0 = full-bleed maskable), file
  local size=$1 inset=$2 file=$3 body
  if [ "$inset" = 0 ]; then
    body="<img src='data:image/svg+xml;base64,$svg' width=$size height=$size>"
  else
    # Maskable: the background fills the square; the logo sits in the safe zone.
    body="<div style='width:${size}px;height:${size}px;background:#2f6b64;display:grid;place-items:center'><img src='data:image/svg+xml;base64,$svg' style='width:$((100 - 2 * inset))%'></div>"
  fi
  printf '<html><body style="margin:0;background:transparent">%s</body></html>' "$body" > "$tmp/page.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$out/$file" "file://$tmp/page.html" 2>/dev/null
}

render 192 0 icon-192.png
render 512 0 icon-512.png
render 512 8 maskable-512.png
render 180 12 apple-touch-icon.png
ls -l "$out"
