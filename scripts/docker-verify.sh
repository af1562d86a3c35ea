#!/usr/bin/env bash
# Proves the production container on a machine of this kind (Debian bookworm, root, no registry
# but npm's and Debian's): installs Debian's Docker engine and tools if missing, then builds and
# runs the image with scripts/docker-verify.ts. Exit code 0 only if every check passed.
#   bash scripts/docker-verify.sh [--keep] [--max-app-mb 80] [--image <ref> [--base <ref>]]
# Environment: DOCKER_VERIFY_DIR (engine data and cache, default /var/tmp/cfm-docker-verify),
# DEBIAN_MIRROR (for debootstrap), DOCKER_VERIFY_NPM_VERSION (npm in the base image).
set -euo pipefail
cd "$(dirname "$0")/.."

# --image <ref>: prove an image built elsewhere (the release workflow) on the ambient engine; no
# engine of our own, no debootstrap, so no root (packages come through sudo where needed).
given_image=false
for arg in "$@"; do
  case "$arg" in --image | --image=*) given_image=true ;; esac
done

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if [ "$given_image" = false ]; then
    echo "docker-verify: needs root (it starts its own Docker engine and runs debootstrap)" >&2
    exit 2
  fi
  as_root=(sudo -n)
fi

missing=()
command -v redis-server > /dev/null || missing+=(redis-server)
if [ "$given_image" = false ]; then
  command -v dockerd > /dev/null || missing+=(docker.io)
  [ -x /usr/bin/docker ] || missing+=(docker.io)
  command -v debootstrap > /dev/null || missing+=(debootstrap)
  command -v docker-compose > /dev/null || missing+=(docker-compose)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  echo "docker-verify: installing ${packages}"
  "${as_root[@]}" apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages} > /dev/null
fi

# The base image takes its Node binary from the pinned `node` devDependency.
[ -x node_modules/node/bin/node ] || npm ci --no-audit --no-fund

exec node_modules/.bin/node scripts/docker-verify.ts "$@"
