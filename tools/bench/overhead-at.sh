#!/usr/bin/env bash
# The training-overhead benchmark at another commit, for bisecting: tools/bench/overhead-at.sh COMMIT [RUNS] [CONFIGS] [--fixed-harness]
# Builds tests/GanEstimators.Benchmarks from `git archive COMMIT` in a scratch folder (deleted afterwards) and prints the
# trainer's CPU-time ratio per config for RUNS runs of `--reps 2 --only CONFIGS` (default 2, "ring NS"), with the load.
# --fixed-harness gives the trainer standardised columns and MLP networks as the hand loop has (BENCHMARKS.md, "CPU
# training loop"), at commits that have those options (7ca827d and later).
set -uo pipefail
commit=$1; runs=${2:-2}; only=${3:-ring NS}; fix=${4:-}
export OMP_NUM_THREADS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
repo=$(cd "$(dirname "$0")/../.." && pwd)
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$src"
cd "$src"
program=tests/GanEstimators.Benchmarks/Program.cs
if [ "$fix" = --fixed-harness ] && [ -f src/GanEstimators/GanNumericEncoding.cs ] && ! grep -q "GanNumericEncoding.Standardization" $program; then
  sed -i 's/^\( *\)NoiseDimension = config.NoiseDimension,$/&\n\1NumericEncoding = GanNumericEncoding.Standardization,\n\1Architecture = GanArchitecture.Mlp,/' $program
fi
if ! dotnet build -c Release tests/GanEstimators.Benchmarks > build.log 2>&1; then echo "$commit: build failed"; grep -m3 error build.log; exit 1; fi
for _ in $(seq "$runs"); do
  dotnet run -c Release --no-build --project tests/GanEstimators.Benchmarks -- --reps 2 --only "$only" 2>&1 |
    grep -E '^\| (ring|wide).*\| trainer \|' |
    awk -F'|' -v c="$commit" -v l="$(cut -d' ' -f1 /proc/loadavg)" '{print c, $2, "CPU ratio", $10, "per-run", $11, "load", l}'
done
