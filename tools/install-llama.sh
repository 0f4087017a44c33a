#!/usr/bin/env bash
# Installs the prebuilt llama.cpp libraries TaleForge runs on, from pinned npm packages, into .taleforge/llama.
#   tools/install-llama.sh            CPU libraries and headers (plus CUDA ones when nvidia-smi sees a GPU)
#   tools/install-llama.sh --cuda     also the CUDA 13 libraries and the CUDA 12 fallback backend
#   tools/install-llama.sh --quiet    print nothing unless something goes wrong
# Idempotent: a finished install is recorded in a stamp file and the script then does nothing, offline.
# Tarballs are fetched by package name with `npm pack` into .taleforge/npm and checked against SHA-256 below.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.taleforge"
npm_cache="$cache/npm"
dest="$cache/llama"
version=3.22.1

# package name | tarball file | SHA-256 (computed once from `npm pack` output and pinned here)
cpu_package="@node-llama-cpp/linux-x64@$version"
cpu_tarball="node-llama-cpp-linux-x64-$version.tgz"
cpu_sha=0d953e1503d5ab4608d8ed5b739132308c81ac05ffeb760d2a7f30e08a9f90e0
source_package="node-llama-cpp@$version"
source_tarball="node-llama-cpp-$version.tgz"
source_sha=a0d9dd80eacd2ab1cfe71aee57ac8a806487fd70b3d2a38fbec637752d9e5c5f
cuda_package="@node-llama-cpp/linux-x64-cuda@$version"
cuda_tarball="node-llama-cpp-linux-x64-cuda-$version.tgz"
cuda_sha=d6cd3ff39a43b024816952e0bc6452d6711608d26256ff6eb0fe8cf7ff55bb2c
cuda_ext_package="@node-llama-cpp/linux-x64-cuda-ext@$version"
cuda_ext_tarball="node-llama-cpp-linux-x64-cuda-ext-$version.tgz"
cuda_ext_sha=1c4817215f51d0ebea37ea684a409a418e62cfb19fcbb5b6e0300e50c6ee9bee

quiet=0
cuda=auto
for arg in "$@"; do
  case "$arg" in
    --quiet) quiet=1 ;;
    --cuda) cuda=yes ;;
    --no-cuda) cuda=no ;;
    -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-llama: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say() { if [ "$quiet" = 0 ]; then echo "install-llama: $*"; fi; }
fail() { echo "install-llama: error: $*" >&2; exit 1; }

if [ "$cuda" = auto ]; then
  cuda=no
  if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; then cuda=yes; fi
fi

# Fetches one tarball into the npm cache (unless already there with the right hash) and checks it.
fetch() {
  local package="$1" tarball="$2" sha="$3" path="$npm_cache/$2"
  if [ -f "$path" ] && echo "$sha  $path" | sha256sum -c --status; then return 0; fi
  command -v npm >/dev/null 2>&1 || fail "npm is not installed; install Node.js and npm (e.g. apt-get install npm), then run $0 again."
  mkdir -p "$npm_cache"
  say "downloading $package ..."
  local log
  log="$(mktemp)"
  if ! (cd "$npm_cache" && npm pack "$package" --silent >"$log" 2>&1); then
    sed 's/^/  /' "$log" >&2
    rm -f "$log"
    fail "could not download $package with npm pack: is the npm registry reachable (offline?)? Run $0 again once online."
  fi
  rm -f "$log"
  [ -f "$path" ] || fail "npm pack $package did not produce $tarball."
  if ! echo "$sha  $path" | sha256sum -c --status; then
    local actual
    actual="$(sha256sum "$path" | cut -d' ' -f1)"
    rm -f "$path"
    fail "$tarball has SHA-256 $actual, expected $sha: refusing to use it."
  fi
}

# Unpacks the files under one folder of a tarball into a destination folder, replacing it whole.
unpack() {
  local tarball="$1" inner="$2" target="$3" work
  work="$(mktemp -d)"
  tar -xzf "$npm_cache/$tarball" -C "$work" "package/$inner"
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  mv "$work/package/$inner" "$target"
  rm -rf "$work"
}

cpu_stamp="$dest/.installed-cpu-$version"
if [ ! -f "$cpu_stamp" ]; then
  fetch "$cpu_package" "$cpu_tarball" "$cpu_sha"
  fetch "$source_package" "$source_tarball" "$source_sha"
  unpack "$cpu_tarball" bins/linux-x64 "$dest/linux-x64"
  # Keep only the C libraries: the Node addon belongs to node-llama-cpp, not to us.
  rm -f "$dest/linux-x64/llama-addon.node"
  command -v git >/dev/null 2>&1 || fail "git is needed to read the llama.cpp headers from the source bundle; install git."
  work="$(mktemp -d)"
  tar -xzf "$npm_cache/$source_tarball" -C "$work" package/llama/gitRelease.bundle package/llama/llama.cpp.info.json
  git clone --quiet --no-checkout "$work/package/llama/gitRelease.bundle" "$work/src" 2>/dev/null \
    || fail "could not read the llama.cpp source bundle in $source_tarball."
  rm -rf "$dest/include"
  mkdir -p "$dest/include"
  git -C "$work/src" archive HEAD include/llama.h ggml/include | tar -x -C "$work"
  cp "$work/include/llama.h" "$work"/ggml/include/*.h "$dest/include/"
  cp "$work/package/llama/llama.cpp.info.json" "$dest/llama.cpp.info.json"
  rm -rf "$work"
  touch "$cpu_stamp"
  say "CPU libraries and headers installed in ${dest#"$root"/}"
fi

cuda_stamp="$dest/.installed-cuda-$version"
if [ "$cuda" = yes ] && [ ! -f "$cuda_stamp" ]; then
  fetch "$cuda_package" "$cuda_tarball" "$cuda_sha"
  fetch "$cuda_ext_package" "$cuda_ext_tarball" "$cuda_ext_sha"
  unpack "$cuda_tarball" bins/linux-x64-cuda "$dest/linux-x64-cuda"
  unpack "$cuda_ext_tarball" bins/linux-x64-cuda/fallback "$dest/linux-x64-cuda/fallback"
  rm -f "$dest/linux-x64-cuda/llama-addon.node"
  touch "$cuda_stamp"
  say "CUDA libraries installed in ${dest#"$root"/}/linux-x64-cuda (CUDA 12 fallback backend in fallback/)"
fi
say "llama.cpp $version libraries ready."
