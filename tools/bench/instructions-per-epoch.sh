#!/bin/bash
# Instructions per epoch, trainer and hand loop, counted by valgrind's callgrind: the same count on a busy machine as on
# an idle one, so a change of the training step can be judged while other work runs (the benchmark's CPU-time ratios
# spread by ±0.05-0.1 under load). Each side runs twice, SHORT and LONG epochs (--perf-only), and the difference over
# LONG − SHORT epochs is one epoch's instructions without the process's start-up and the fit's setup. Run from the
# repository root after `dotnet build tests/GanEstimators.Benchmarks -c Release`:
#   CONFIG="ring NS" bash tools/bench/instructions-per-epoch.sh
# About 10 minutes for the ring on this 2-core machine (callgrind runs some 50× slower; the four runs go two at a
# time). Tiered compilation is off (the first JIT is the final code) and gen 0 is 128 MB: with .NET's default budget the
# runtime crashed under valgrind (SIGSEGV in libcoreclr). So the count leaves most garbage collection out; the
# benchmark's "managed KB/epoch" column is the measure of that. Valgrind has no AVX-512, so libtorch runs its AVX2 kernels.
set -eu
CONFIG=${CONFIG:-ring NS}; SHORT=${SHORT:-2}; LONG=${LONG:-12}; OUT=${OUT:-$(mktemp -d)}
BIN=$(ls -d tests/GanEstimators.Benchmarks/bin/Release/net*/ | head -n 1)
[ -x "$BIN/GanEstimators.Benchmarks" ] || { echo "build first: dotnet build tests/GanEstimators.Benchmarks -c Release"; exit 1; }
command -v valgrind > /dev/null || { echo "needs valgrind (Debian package valgrind)"; exit 1; }
count() # VARIANT EPOCHS: prints the run's instruction total
{
    local log="$OUT/$1.e$2.log"
    (cd "$BIN" && OMP_NUM_THREADS=1 DOTNET_TieredCompilation=0 DOTNET_GCgen0size=0x8000000 valgrind --tool=callgrind \
        --callgrind-out-file="$OUT/$1.e$2.callgrind" ./GanEstimators.Benchmarks --perf-only "$1" --only "$CONFIG" \
        --epochs "$2" --warmup 1 --reps 1 > "$log" 2>&1) || true
    grep -q "SIGSEGV" "$log" && { echo "the $1 run of $2 epochs crashed under valgrind: $log" >&2; exit 1; }
    grep "Collected" "$log" | awk '{print $NF}'
}
for variant in trainer hand; do
    count "$variant" "$SHORT" > "$OUT/$variant.short" & count "$variant" "$LONG" > "$OUT/$variant.long" & wait
done
per_epoch() { echo $(( ($(cat "$OUT/$1.long") - $(cat "$OUT/$1.short")) / (LONG - SHORT) )); }
trainer=$(per_epoch trainer); hand=$(per_epoch hand)
echo "$CONFIG: instructions per epoch, trainer $trainer, hand loop $hand, ratio $(awk -v t="$trainer" -v h="$hand" 'BEGIN { printf "%.4f", t / h }') (callgrind files in $OUT)"
