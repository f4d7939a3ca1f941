#!/bin/bash
# Issue 22 part 3 on CUDA: FashionGan's one-command recipe (`--recipe full`: 64 epochs of the deep base-64 networks, the
# learning rates decaying linearly over the last 32) in parts that fit the device tool's 10-minute calls. Run from the
# repository root after tools/gpu/make-bundle.sh (APPS="samples/FashionGan:fashion" is enough); carry .gpu:
#   MINUTES=8 bash .gpu/recipe-on-device.sh
# Each call trains for at most $MINUTES and keeps the model on the device as .gpu-models/recipe-model.zip (git-ignored,
# so a warm machine keeps it); the next call, made at once, resumes it with --epochs (TOTAL − epochs done). The schedule
# ends at the command's last epoch, so the parts train at exactly the rates of one uninterrupted run; only
# --select-best judges among each part's own checkpoints. SEED (default 1) picks the seed; TOTAL (default 64) a longer
# schedule, decaying over its last half; results land in $OUT.
set -u
OUT=${OUT:-/tmp/out}; mkdir -p $OUT
exec > >(tee $OUT/log.txt) 2>&1
T0=$(date +%s); TOTAL=${TOTAL:-64}; SEED=${SEED:-1}
echo "== machine"; nvidia-smi -L 2>/dev/null; nproc
source .gpu/device-env.sh && echo "unpacked in $(( $(date +%s) - T0 )) s; libtorch from $TORCH_LIB"
FM=${FM:-/tmp/fm}
[ -d $FM ] || { mkdir -p $FM && cp .gpu/*labels*.gz $FM/ && for f in train-images-idx3-ubyte t10k-images-idx3-ubyte; do python3 -c "import lzma,gzip,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), gzip.open(sys.argv[2],'wb',compresslevel=1))" .gpu/$f.xz $FM/$f.gz; done; }
mkdir -p .gpu-models; M=.gpu-models/recipe-seed$SEED-model.zip; DONE=.gpu-models/recipe-seed$SEED-epochs.txt
done_epochs=$(cat $DONE 2>/dev/null || echo 0)
[ $done_epochs -ge $TOTAL ] && { echo "the recipe already trained its $TOTAL epochs (remove $DONE to start again)"; exit 0; }
RESUME=""; [ $done_epochs -gt 0 ] && RESUME="--resume $M"
ARGS="--recipe full --data $FM --out /tmp/recipe --seed $SEED --gpu 0 --threads 1 --epochs $(( TOTAL - done_epochs )) --minutes ${MINUTES:-8} $RESUME"
echo "== FashionGan $ARGS"
dotnet /tmp/b/apps/fashion/FashionGan.dll $ARGS > /tmp/recipe.log 2>&1; echo "rc=$?"
last=$(grep -E '^  epoch' /tmp/recipe.log | tail -n 1 | awk '{print $2}')
[ -n "$last" ] && echo $last > $DONE && cp /tmp/recipe/model.zip $M
grep -E "^  epoch|Stopping|after epoch|Conditional accuracy|Fréchet|floor|rror|xception" /tmp/recipe.log | tail -n 16
cp /tmp/recipe/metrics.txt /tmp/recipe/history.csv $OUT/ 2>/dev/null
cp $(ls /tmp/recipe/samples-epoch-*.png 2>/dev/null | tail -1) $OUT/ 2>/dev/null
echo "== $(cat $DONE 2>/dev/null || echo 0) of $TOTAL epochs done in $(( $(date +%s) - T0 )) s"
