#!/bin/bash
# `ganest train` with its defaults on the lab's ring and grid (the same 2,500 points per seed as the lab), 2,500 rows
# sampled by `ganest sample`, scored with the lab's definitions. One libtorch thread; CPU seconds = user + system of
# the train process. Usage (from the repository root):
#   bash samples/ModeCollapseLab/cli-defaults.sh [OUT_DIR] [SEEDS] [MIXTURES]    e.g. ... /tmp/lab "1 2 3" "ring grid"
#   env: TRAIN_EXTRA adds ganest train arguments (e.g. "--batch-size 100"); GANEST_DLL and LAB_DLL run other builds
#   (nothing is built then, so several of these can run side by side)
set -euo pipefail
out="${1:-artifacts/lab-cli}"; seeds="${2:-1 2 3}"; mixtures="${3:-ring grid}"
mkdir -p "$out"
dll="${GANEST_DLL:-src/GanEstimators.Cli/bin/Release/net10.0/ganest.dll}"
lab_dll="${LAB_DLL:-samples/ModeCollapseLab/bin/Release/net10.0/ModeCollapseLab.dll}"
[ -n "${LAB_DLL:-}" ] || dotnet build -c Release samples/ModeCollapseLab -v q -nologo > "$out/build.log"
[ -n "${GANEST_DLL:-}" ] || dotnet build -c Release src/GanEstimators.Cli -v q -nologo >> "$out/build.log"
lab() { dotnet "$lab_dll" "$@"; }
ganest() { dotnet "$dll" "$@"; }
echo "| mixture | seed | modes | high quality | reverse KL | CPU s | train log |"
echo "|---|---|---:|---:|---:|---:|---|"
for mixture in $mixtures; do
  for seed in $seeds; do
    run="$out/$mixture-$seed"
    lab --write-csv "$mixture" --seed "$seed" --out "$run.csv"
    # shellcheck disable=SC2086
    OMP_NUM_THREADS=1 /usr/bin/time -f "%U %S" -o "$run.time" \
      dotnet "$dll" train --data "$run.csv" --model "$run.zip" --seed "$seed" --threads 1 ${TRAIN_EXTRA:-} > "$run.train.log" 2>&1
    ganest sample --model "$run.zip" --count 2500 --out "$run.synthetic.csv" --seed "$((1000 + seed))" > /dev/null
    read -r modes quality kl <<< "$(lab --score-csv "$run.synthetic.csv" --only "$mixture")"
    cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$run.time")
    summary=$(grep -E "Trained|doctor" "$run.train.log" | tr '\n' ' ' | sed 's/|/\//g' | cut -c1-160)
    echo "| $mixture | $seed | $modes | $(awk -v q="$quality" 'BEGIN { printf "%.1f %%", 100 * q }') | $kl | $cpu | $summary |"
  done
done
