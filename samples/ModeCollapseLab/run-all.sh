#!/bin/bash
# The whole mode-collapse lab in one command (from the repository root): the main table (every loss, with and without
# PacGAN, raw and mode-specific encoding, 5 seeds, 120 epochs), the 480-epoch WGAN-GP rows and the overpowered-D rows,
# one command per mixture side by side (one libtorch thread each), then BENCHMARKS.md rebuilt from docs/lab/runs/.
# About 65 minutes on 2 cores.
set -euo pipefail
start=$(date +%s)
dotnet build -c Release samples/ModeCollapseLab >/dev/null
lab() { dotnet samples/ModeCollapseLab/bin/Release/net10.0/ModeCollapseLab.dll "$@"; }
rm -rf docs/lab/runs
for mixture in ring grid; do
  (lab --only $mixture --encoding Standardization,ModeSpecificNormalization &&
   lab --only $mixture --losses WassersteinGradientPenalty --encoding ModeSpecificNormalization --epochs 480) > "docs/lab/$mixture.log" 2>&1 &
done
lab --only ring --losses Minimax,NonSaturating --critic-steps 5 > docs/lab/critic-steps.log 2>&1
wait
lab --report-only
rm -f docs/lab/*.log
echo "mode-collapse lab: $(( ($(date +%s) - start) / 60 )) min in all; BENCHMARKS.md and docs/lab/ rewritten"
