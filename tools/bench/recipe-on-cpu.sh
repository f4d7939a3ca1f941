#!/bin/bash
# Issue 22 part 3 on the CPU: FashionGan's one-command recipe (`--recipe full`: 64 epochs of the deep base-64 networks,
# the learning rates decaying linearly over the last 32) in parts that each end before a working session does, so a
# run of many hours survives the sessions. Run from the repository root:
#   SEED=1 MINUTES=110 bash tools/bench/recipe-on-cpu.sh &
# Each part trains one libtorch thread at nice 19 until another epoch would end after MINUTES, writes its model.zip,
# metrics and history to $ROOT/seed$SEED-part$N, and the next call resumes the last part's model with the epochs
# left. The schedule ends at the command's last epoch (the resumed model's epochs plus --epochs), so the parts train
# at exactly the rates of one run; only --select-best judges among each part's own checkpoints. Two seeds side by
# side use both cores. The binary is built once into $ROOT/bin from the commit checked out, so later edits to the
# tree do not change a run that is under way. TOTAL (default the recipe's 64) trains a longer schedule, the rates
# decaying over its last half; a part of a shorter run that ended before its decay began is a valid first part of a
# longer one (copy it into the new ROOT as seed$SEED-part1). EXTRA adds flags, e.g. EXTRA="--grid-every 1" for a
# short part (the first chunk of a part always trains, and the recipe's chunks are 2 epochs).
set -u
SEED=${SEED:-1}; MINUTES=${MINUTES:-110}; ROOT=${ROOT:-/work/fashion-recipe}; TOTAL=${TOTAL:-64}
mkdir -p "$ROOT"
BIN=$ROOT/bin/FashionGan.dll
if [ ! -f "$BIN" ]; then
    dotnet build samples/FashionGan -c Release -o "$ROOT/bin" > "$ROOT/build.log" 2>&1 || { echo "build failed: $ROOT/build.log"; exit 1; }
fi
last=$(ls -d "$ROOT"/seed$SEED-part* 2>/dev/null | grep -v '\.log$' | sort -V | tail -n 1)
done_epochs=0; RESUME=()
if [ -n "$last" ]; then
    [ -f "$last/model.zip" ] || { echo "$last has no model.zip: the part did not finish (see $last.log); remove it to retry"; exit 1; }
    done_epochs=$(( $(wc -l < "$last/history.csv") - 1 ))
    RESUME=(--resume "$last/model.zip")
fi
[ "$done_epochs" -ge $TOTAL ] && { echo "seed $SEED: the recipe's $TOTAL epochs are done; metrics in $last/metrics.txt"; exit 0; }
part=$ROOT/seed$SEED-part$(( $(ls -d "$ROOT"/seed$SEED-part* 2>/dev/null | grep -vc '\.log$') + 1 ))
echo "seed $SEED: $done_epochs of $TOTAL epochs done; $part trains up to $(( TOTAL - done_epochs )) more for at most $MINUTES minutes"
nice -n 19 dotnet "$BIN" --recipe full --threads 1 --seed "$SEED" --epochs $(( TOTAL - done_epochs )) --minutes "$MINUTES" \
    "${RESUME[@]}" ${EXTRA:-} --out "$part" > "$part.log" 2>&1
echo "seed $SEED: rc=$?; $(grep -c 'after epoch' "$part.log") checkpoint(s) judged; $(( $(wc -l < "$part/history.csv" 2>/dev/null || echo 1) - 1 )) epochs in all"
