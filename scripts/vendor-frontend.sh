#!/usr/bin/env bash
# Vendors the browser assets REFOCUS serves itself: NHS.UK frontend and htmx.
#
# The Maven build never needs Node. A developer runs this script (with the machine's npm) only to
# change a version, then commits what it wrote under src/main/resources/static/vendor/.
#
#   scripts/vendor-frontend.sh
#
# What it does to the NHS.UK frontend CSS, and why (see static/vendor/README.md):
#   * removes the @font-face rules: they load Frutiger from an NHS host, which the
#     Content-Security-Policy (font-src 'self') forbids and tests cannot reach. The font stack
#     that remains, "Frutiger W01", arial, sans-serif, falls back to Arial without a request.
#   * rewrites url(/assets/...) to url(assets/...), so icons resolve next to the CSS file.
#   * drops the sourceMappingURL comments (the maps are not vendored).
set -euo pipefail

NHSUK_VERSION=10.6.1
HTMX_VERSION=2.0.11
# npm checks each tarball against the registry; these pins make a changed package fail loudly.
NHSUK_INTEGRITY='sha512-PZorqQZjZx/A26yJoskCL9z0ib6AtkAyF0o4K/RHr8zRrJyXrUOCnMbjy0VNXsGO4tfTNMwqlkwATKs4a0xayw=='
HTMX_INTEGRITY='sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=='

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/src/main/resources/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pack() {
  local spec="$1" expected="$2" integrity
  integrity="$(cd "$work" && npm pack "$spec" --json --silent | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].integrity))')"
  if [[ "$integrity" != "$expected" ]]; then
    echo "Integrity of $spec changed: $integrity" >&2
    exit 1
  fi
  echo "$spec $integrity" >&2
}

pack "nhsuk-frontend@$NHSUK_VERSION" "$NHSUK_INTEGRITY"
pack "htmx.org@$HTMX_VERSION" "$HTMX_INTEGRITY"

mkdir -p "$work/nhsuk" "$work/htmx"
tar -xzf "$work/nhsuk-frontend-$NHSUK_VERSION.tgz" -C "$work/nhsuk"
tar -xzf "$work/htmx.org-$HTMX_VERSION.tgz" -C "$work/htmx"
dist="$work/nhsuk/package/dist/nhsuk"

rm -rf "$vendor/nhsuk-frontend" "$vendor/htmx"
mkdir -p "$vendor/nhsuk-frontend/assets/images" "$vendor/htmx"

# CSS: strip external fonts, make asset URLs relative, drop the source map comment.
node - "$dist/nhsuk-frontend.min.css" "$vendor/nhsuk-frontend/nhsuk-frontend.min.css" <<'EOF'
const fs = require("fs");
const [src, dest] = process.argv.slice(2);
let css = fs.readFileSync(src, "utf8");
const fontFaces = css.match(/@font-face\{[^}]*\}/g) || [];
css = css.replace(/@font-face\{[^}]*\}/g, "");
css = css.replace(/url\(\/assets\//g, "url(assets/");
css = css.replace(/\n?\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "\n");
const external = css.match(/url\((?!assets\/|data:|["']?data:)[^)]*\)/g);
if (external) {
  console.error("Unexpected url() left in CSS:", external);
  process.exit(1);
}
if (/https?:\/\//.test(css.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, ""))) {
  console.error("An external URL is left in the CSS");
  process.exit(1);
}
fs.writeFileSync(dest, css);
console.error(`CSS: removed ${fontFaces.length} @font-face rules`);
EOF

# JS: the ES module bundle (it exports initAll and each component class).
sed -e 's#//\# sourceMappingURL=.*$##' "$dist/nhsuk-frontend.min.js" > "$vendor/nhsuk-frontend/nhsuk-frontend.min.js"
grep -q 'initAll' "$vendor/nhsuk-frontend/nhsuk-frontend.min.js"

# Assets: icons, logos, favicons and the web app manifest they are listed in.
cp "$dist"/assets/images/* "$vendor/nhsuk-frontend/assets/images/"
cp "$dist/assets/manifest.json" "$vendor/nhsuk-frontend/assets/manifest.json"

# htmx 2 (npm's "latest" is a newer major; REFOCUS pins 2).
cp "$work/htmx/package/dist/htmx.min.js" "$vendor/htmx/htmx.min.js"
cp "$work/htmx/package/LICENSE" "$vendor/htmx/LICENSE"

echo "Vendored nhsuk-frontend $NHSUK_VERSION and htmx.org $HTMX_VERSION into $vendor" >&2
