#!/usr/bin/env bash
# Re-fetch the dashboard's JavaScript libraries at their pinned versions from the npm registry
# (`npm pack`, no install, no build) into src/eventwire/serve/static/vendor/, and rewrite VENDOR.md
# with each file's sha256. Change a version here, run it, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/eventwire/serve/static/vendor
# package@version  file-inside-the-package  name-in-vendor/
pins=(
  "chart.js@4.5.1        dist/chart.umd.min.js            chart.umd.min.js"
  "cytoscape@3.33.1      dist/cytoscape.min.js            cytoscape.min.js"
  "topojson-client@3.1.0 dist/topojson-client.min.js      topojson-client.min.js"
  "world-atlas@2.0.2     countries-110m.json              countries-110m.json"
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$dest/licenses"
{
  echo "# Vendored JavaScript"
  echo
  echo "Fetched by \`scripts/vendor_js.sh\` with \`npm pack\` at the pinned versions below; nothing is built."
  echo "The dashboard loads only these files, so it works with no internet. Licences are in \`licenses/\`."
  echo "world-atlas's data is Natural Earth 1:110m (public domain), packaged as TopoJSON."
  echo
  echo "| package | version | licence | file | sha256 |"
  echo "| --- | --- | --- | --- | --- |"
} > "$tmp/VENDOR.md"
for pin in "${pins[@]}"; do
  read -r spec inner out <<<"$pin"
  name=${spec%@*}; version=${spec##*@}
  (cd "$tmp" && npm pack "$spec" --silent >/dev/null)
  pkgdir="$tmp/$name"; mkdir -p "$pkgdir"
  tar xzf "$tmp/${name}-${version}.tgz" -C "$pkgdir"
  cp "$pkgdir/package/$inner" "$dest/$out"
  licfile=$(ls "$pkgdir"/package/LICENSE* | head -1)
  cp "$licfile" "$dest/licenses/$name.LICENSE"
  licence=$(node -e "console.log(require('$pkgdir/package/package.json').license)")
  sum=$(sha256sum "$dest/$out" | cut -d' ' -f1)
  echo "| $name | $version | $licence | \`$out\` | \`$sum\` |" >> "$tmp/VENDOR.md"
done
cp "$tmp/VENDOR.md" "$dest/VENDOR.md"
echo "vendored into $dest:"; cat "$dest/VENDOR.md"
