#!/usr/bin/env bash
# TaleForge launcher.
#   ./run.sh              play the default world
#   ./run.sh test         restore, build and run every test (what CI runs)
#   ./run.sh test fast    the same, leaving out tests that load llama.cpp, start processes or take long
#   ./run.sh bench ...    build and run the benchmarks (`taleforge bench ...`, a separate program)
#   ./run.sh ARGS...      run `taleforge ARGS...` (validate, worlds, schema, ...)
# Restore, build and native libraries happen here, idempotently: a fresh clone needs nothing else.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
cli_dll="src/TaleForge.Cli/bin/$configuration/net10.0/taleforge.dll"
# Tests marked with a category (TaleForge.Testing's TestCategory) are left out of the fast suite.
fast_filter='Category!=NativeLibrary&Category!=Process&Category!=Slow'

build() {
  dotnet build "$1" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly --tl:off >&2
}

native_libraries() {
  if [ -x tools/install-llama.sh ]; then
    tools/install-llama.sh "$@"
  fi
}

run_tests() {
  native_libraries
  build TaleForge.sln
  local log
  log="$(mktemp)"
  set +e
  dotnet test TaleForge.sln -c "$configuration" --no-build -nologo --tl:off "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  # One closing line for people and CI alike, summed over every test project.
  awk '/^(Passed|Failed)!/ {
         for (i = 1; i <= NF; i++) {
           if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1)
         }
       }
       END { gsub(",", "", p); printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  rm -f "$log"
  return "$status"
}

case "${1-}" in
  test)
    shift
    if [ "${1-}" = fast ]; then
      shift
      run_tests --filter "$fast_filter" "$@"
    else
      run_tests "$@"
    fi
    ;;
  *)
    # Playing needs no model, so a failed native install only warns.
    native_libraries --quiet || echo "warning: llama.cpp libraries are not installed; authored mode still works." >&2
    build src/TaleForge.Cli/TaleForge.Cli.csproj
    # The benchmarks are a program of their own, which `taleforge bench` runs; build it only when asked for.
    if [ "${1-}" = bench ]; then build src/TaleForge.Benchmarks/TaleForge.Benchmarks.csproj; fi
    if [ $# -eq 0 ]; then set -- play; fi
    exec dotnet "$cli_dll" "$@"
    ;;
esac
