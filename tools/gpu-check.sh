#!/usr/bin/env bash
# One GPU check on a fresh machine with an NVIDIA GPU, printing one JSON object:
#   tools/gpu-check.sh              install the CUDA libraries, write a random 8b q8_0 model, load it with every
#                                   layer offloaded, and measure (see `taleforge bench gpu --help`)
#   tools/gpu-check.sh --dry-run    every step up to the GPU on a CPU machine (tiny model, no offload), for CI
# Progress goes to stderr; stdout is the JSON alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dry_run=false
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=true ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gpu-check: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
started=$(date +%s)
say() { echo "gpu-check: $*" >&2; }

# The card's memory bandwidth in GB/s, from its published figure (the limit a token's weight reads run against).
bandwidth_of() {
  case "$1" in
    *H200*) echo 4800 ;;
    *H100*SXM*|*H100*HBM3*) echo 3350 ;;
    *H100*NVL*) echo 3900 ;;
    *H100*) echo 2000 ;;
    *A100*80GB*) echo 2039 ;;
    *A100*) echo 1555 ;;
    *L40S*|*L40*) echo 864 ;;
    *L4*) echo 300 ;;
    *A10G*|*A10*) echo 600 ;;
    *"RTX 4090"*) echo 1008 ;;
    *"RTX 3090"*) echo 936 ;;
    *T4*) echo 320 ;;
    *) echo 0 ;;
  esac
}

if $dry_run; then
  gpu="none (dry run)"; driver=""; bandwidth=0; preset=tiny; dtype=f32; layers=0; cuda_flag=--no-cuda
else
  if ! command -v nvidia-smi >/dev/null || ! nvidia-smi -L >/dev/null 2>&1; then
    echo "gpu-check: nvidia-smi sees no GPU; run on a machine with an NVIDIA GPU, or pass --dry-run." >&2
    exit 1
  fi
  gpu="$(nvidia-smi --query-gpu=name --format=csv,noheader | head -n1)"
  driver="$(nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -n1)"
  bandwidth="$(bandwidth_of "$gpu")"
  preset=8b; dtype=q8_0; layers=-1; cuda_flag=--cuda
fi
say "GPU: $gpu${driver:+, driver $driver}; bandwidth ${bandwidth} GB/s"

say "installing the llama.cpp libraries ($cuda_flag)"
tools/install-llama.sh --quiet "$cuda_flag" >&2

say "building"
for project in src/TaleForge.Cli src/TaleForge.Benchmarks; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly --tl:off >&2
done

model=".taleforge/models/gpu-check-$preset-$dtype.gguf"
if [ ! -f "$model" ]; then
  say "writing a random $preset $dtype model to $model"
  mkdir -p "$(dirname "$model")"
  dotnet src/TaleForge.Cli/bin/Release/net10.0/taleforge.dll model random --preset "$preset" --dtype "$dtype" --out "$model" >&2
fi

say "measuring with -ngl $layers"
measured="$(dotnet src/TaleForge.Benchmarks/bin/Release/net10.0/taleforge-bench.dll gpu --model "$model" -ngl "$layers" --bandwidth-gbs "$bandwidth")"

escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
printf '{"gpu":"%s","driver":"%s","dry_run":%s,"preset":"%s","dtype":"%s","script_s":%d,"measured":%s}\n' \
  "$(escape "$gpu")" "$(escape "$driver")" "$dry_run" "$preset" "$dtype" "$(( $(date +%s) - started ))" "$measured"
