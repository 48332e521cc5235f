#!/usr/bin/env bash
# Refreshes the vendored GraphiQL IDE: installs the pinned packages (package.json / package-lock.json) and copies
# their browser (UMD) builds into the server's embedded assets. The server never loads anything from the internet:
# government networks often have none. Run after changing a version in package.json, then commit the result.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../../src/ProductQuality.Graph/Explorer/Assets/vendor"
cd "$here"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi

rm -rf "$target" && mkdir -p "$target"
copy() { cp "node_modules/$1" "$target/$2"; }
copy react/umd/react.production.min.js react.production.min.js
copy react-dom/umd/react-dom.production.min.js react-dom.production.min.js
copy graphiql/graphiql.min.js graphiql.min.js
copy graphiql/graphiql.min.css graphiql.min.css
copy @graphiql/plugin-explorer/dist/index.umd.js plugin-explorer.umd.js
copy @graphiql/plugin-explorer/dist/style.css plugin-explorer.css
# Source-map comments would make browsers ask the server for .map files it does not serve.
sed -i -E 's@//# sourceMappingURL=[^ ]*$@@; s@/\*# sourceMappingURL=[^*]*\*/@@' "$target"/*.js "$target"/*.css

{
  echo "# Vendored by tools/ide-vendor/refresh.sh — do not edit by hand"
  echo
  echo "| file | package | version | licence | sha256 |"
  echo "| --- | --- | --- | --- | --- |"
  for pair in react:react.production.min.js react-dom:react-dom.production.min.js graphiql:graphiql.min.js \
              graphiql:graphiql.min.css @graphiql/plugin-explorer:plugin-explorer.umd.js \
              @graphiql/plugin-explorer:plugin-explorer.css; do
    pkg="${pair%%:*}"; file="${pair#*:}"
    version=$(node -p "require('./node_modules/$pkg/package.json').version")
    licence=$(node -p "require('./node_modules/$pkg/package.json').license")
    echo "| $file | $pkg | $version | $licence | $(sha256sum "$target/$file" | cut -c1-64) |"
  done
} > "$target/VENDORED.md"
echo "vendored into $target:"
ls -la "$target"
