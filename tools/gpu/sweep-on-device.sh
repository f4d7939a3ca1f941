#!/bin/bash
# Issue 4 on CUDA: FashionGan configurations trained side by side on the one GPU, each for at most $MINUTES minutes on
# the full Fashion-MNIST set. A step of a 28×28 DCGAN is bound by per-operation launch overhead, not by the card, so
# several processes share an H100 with little loss each. Each argument is NAME:FASHIONGAN-OPTIONS, e.g.
#   MINUTES=7 GRID_EVERY=2 bash .gpu/sweep-on-device.sh "b64:--base-channels 64 --average 0.999" "b32:"
# Results come back in $OUT: log.txt, results.tar.gz (every run's metrics, history, loss curves and grids) and the
# judged images of each run as NAME-generated.csv.gz. FM (data folder) and GPU_ARG ("" for a CPU try) can be overridden.
# Each run's model.zip stays on the device as .gpu-models/NAME-model.zip (git-ignored, so a warm machine keeps it between
# calls): the next call, made at once so the machine is still warm, continues it with NAME:"… --resume
# .gpu-models/NAME-model.zip" and carries nothing more. Carrying the model instead would not fit: the bundle and the
# repository already fill most of the 64 MiB a call may carry. KEEP_MODELS=1 also returns each model as
# NAME-model.zip (base 64 with --average: 15.6 MB, under the 16 MiB per-file limit; at most 8 files come back in all).
set -u
OUT=${OUT:-/tmp/out}; mkdir -p $OUT
exec > >(tee $OUT/log.txt) 2>&1
T0=$(date +%s)
echo "== machine"; nvidia-smi -L 2>/dev/null; nproc
source .gpu/device-env.sh && echo "unpacked in $(( $(date +%s) - T0 )) s; libtorch from $TORCH_LIB"
FM=${FM:-/tmp/fm}
[ -d $FM ] || { mkdir -p $FM && cp .gpu/*labels*.gz $FM/ && for f in train-images-idx3-ubyte t10k-images-idx3-ubyte; do python3 -c "import lzma,gzip,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), gzip.open(sys.argv[2],'wb',compresslevel=1))" .gpu/$f.xz $FM/$f.gz; done; }
GPU=${GPU_ARG---gpu 0}
R=/tmp/runs; mkdir -p $R
pids=()
for spec in "$@"; do
  name=${spec%%:*}; args=${spec#*:}
  echo "== $name: $args (started at $(( $(date +%s) - T0 )) s)"
  OMP_NUM_THREADS=$(( $(nproc) / $# > 0 ? $(nproc) / $# : 1 )) dotnet /tmp/b/apps/fashion/FashionGan.dll --data $FM --out $R/$name --epochs 500 \
    --grid-every ${GRID_EVERY:-2} --minutes ${MINUTES:-6} $GPU $args > $R/$name.log 2>&1 &
  pids+=($!)
done
(while sleep 45; do echo "-- $(( $(date +%s) - T0 )) s: GPU $(nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader 2>/dev/null); $(for spec in "$@"; do n=${spec%%:*}; echo -n "$n $(grep -c '^  epoch' $R/$n.log) epochs; "; done)"; done) &
watcher=$!
for p in "${pids[@]}"; do wait $p; done
kill $watcher
for spec in "$@"; do
  name=${spec%%:*}
  echo "== $name"; grep -E "^  epoch|Stopping|Trained in|Conditional accuracy|Fréchet|floor|rror|xception" $R/$name.log | tail -n 8
  [ -f $R/$name/generated.csv ] && gzip -c $R/$name/generated.csv > $OUT/$name-generated.csv.gz
  rm -f $R/$name/generated.csv
  if [ -f $R/$name/model.zip ]; then
    [ -n "${KEEP_MODELS:-}" ] && cp $R/$name/model.zip $OUT/$name-model.zip
    mkdir -p .gpu-models && mv $R/$name/model.zip .gpu-models/$name-model.zip
  fi
  last=$(ls $R/$name/samples-epoch-*.png 2>/dev/null | tail -n 1)
  for g in $R/$name/samples-epoch-*.png; do [ "$g" = "$last" ] || [[ $g =~ -0[0-9][05]\.png$ ]] || rm -f $g; done
done
(cd $R && tar -czf $OUT/results.tar.gz .)
echo "== done in $(( $(date +%s) - T0 )) s"; ls -la $OUT
