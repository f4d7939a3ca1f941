#!/bin/bash
# Issue 19 item 1 in one device run of under 8 minutes (run from the repository root, after tools/gpu/make-bundle.sh;
# carry .gpu): FashionGan's default conditional DCGAN step three ways on the one GPU — PyTorch eager
# (tools/gpu/dcgan_step.py), our trainer and a hand-written TorchSharp loop (GanEstimators.Benchmarks --gpu-profile) —
# at batch 128, 64 and 512, with where the time goes; flights-20k seconds per epoch on the GPU and sampling rows/s into
# tensors and through the IDataView (--gpu-tabular); then, side by side on separate cores, `ganest train --threads`
# on the machine's CPU cores (issue 19 item 3) and a time-capped full Fashion-MNIST run judged for quality.
# Every stage is time-boxed and the next one runs whatever happened; results land in $OUT: summary.md (paste into
# BENCHMARKS.md), log.txt (everything), pytorch.json, fashion-metrics.txt and the last sample grid.
# A CPU dry run (no GPU, no PyTorch needed): DEVICE=cpu TORCH_LIB=<a CPU libtorch folder> LIMIT=… bash .gpu/profile-on-device.sh
set -u
OUT=${OUT:-/tmp/out}; mkdir -p $OUT
exec > >(tee $OUT/log.txt) 2>&1
T0=$(date +%s); LIMIT=${LIMIT:-450}; DEVICE=${DEVICE:-cuda}
left() { echo $(( LIMIT - ($(date +%s) - T0) )); }
stage() { echo; echo "== $1 ($(( $(date +%s) - T0 )) s in, $(left) s left)"; }
S=$OUT/summary.md
box() { # box SECONDS COMMAND…: runs COMMAND for at most SECONDS (and never past the budget), says how it ended
  local limit=$1; shift; [ $limit -gt $(( $(left) - 5 )) ] && limit=$(( $(left) - 5 ))
  if [ $limit -lt 10 ]; then echo "skipped (budget spent): $*"; return 124; fi
  timeout --kill-after=5 $limit "$@"; local rc=$?
  [ $rc -eq 0 ] || echo "rc=$rc (124: stopped at its $limit s box): $*"; return $rc
}
if [ "$DEVICE" = cpu ]; then GPU_FLAG=""; BATCHES=${BATCHES:-64}; STEPS=${STEPS:-5}; PYSTEPS=${PYSTEPS:-5}; EPOCHS=${EPOCHS:-2}; THREADS=${THREADS:-"1 2"}
else GPU_FLAG="--gpu 0"; BATCHES=${BATCHES:-128,64,512}; STEPS=${STEPS:-100}; PYSTEPS=${PYSTEPS:-200}; EPOCHS=${EPOCHS:-6}; THREADS=${THREADS:-"1 2 4 8"}; fi

stage "machine"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv 2>/dev/null; nproc; free -g | head -2
source .gpu/device-env.sh && echo "unpacked in $(( $(date +%s) - T0 )) s; libtorch from $TORCH_LIB"
python3 -c 'import torch;print("python torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1 | tail -1
B="dotnet /tmp/b/apps/bench/GanEstimators.Benchmarks.dll"; G="dotnet /tmp/b/apps/ganest/ganest.dll"; FG="dotnet /tmp/b/apps/fashion/FashionGan.dll"
FM=${FM:-/tmp/fm}
[ -d $FM ] || { mkdir -p $FM && cp .gpu/*labels*.gz $FM/ && for f in train-images-idx3-ubyte t10k-images-idx3-ubyte; do python3 -c "import lzma,gzip,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), gzip.open(sys.argv[2],'wb',compresslevel=1))" .gpu/$f.xz $FM/$f.gz; done; }
ls $FM
GPU_NAME=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1); GPU_NAME=${GPU_NAME:-no GPU ($DEVICE)}
{ echo "### GPU profile on $GPU_NAME ($(date -u +%F), tools/gpu/profile-on-device.sh)"; echo
  echo "$(nproc) CPU cores; PyTorch $(python3 -c 'import torch;print(torch.__version__)' 2>/dev/null || echo 'not found'); TorchSharp 0.107 on that PyTorch's libtorch ($TORCH_LIB)."; } > $S

stage "(c) PyTorch eager"
echo -e "\n#### (c) PyTorch eager (\`python3 tools/gpu/dcgan_step.py --batches $BATCHES --steps $PYSTEPS\`)\n" >> $S
set -o pipefail
box 75 python3 -u .gpu/dcgan_step.py --device $DEVICE --batches $BATCHES --steps $PYSTEPS --out $OUT/pytorch.json | tee /tmp/pytorch.txt
grep -E '^\||^torch.profiler' /tmp/pytorch.txt >> $S

stage "(a) trainer and (b) hand-written TorchSharp loop"
echo -e "\n#### (a) trainer and (b) hand-written TorchSharp loop (\`GanEstimators.Benchmarks --gpu-profile --device $DEVICE --batches $BATCHES --steps-per-epoch $STEPS\`)\n" >> $S
box 160 $B --gpu-profile --device $DEVICE --data $FM --batches $BATCHES --steps-per-epoch $STEPS --out /tmp/profile.md | grep -v NNPACK
cat /tmp/profile.md >> $S 2>/dev/null

stage "flights-20k on the GPU, and sampling"
echo -e "\n#### flights-20k (\`GanEstimators.Benchmarks --gpu-tabular --device $DEVICE --epochs $EPOCHS\`)\n" >> $S
box 80 $B --gpu-tabular --device $DEVICE --data data --epochs $EPOCHS --out /tmp/flights.md | grep -v NNPACK
sed 's/^/- /' /tmp/flights.md >> $S 2>/dev/null
nvidia-smi --query-gpu=utilization.gpu,memory.used,clocks.sm --format=csv,noheader 2>/dev/null

# The last two side by side on separate cores: the threads sweep must not share its cores, the GPU run needs few.
CORES=$(nproc); FASHION_CORES=0-3; SWEEP_CORES=4-$(( CORES - 1 )); [ $CORES -lt 8 ] && { FASHION_CORES=0; SWEEP_CORES=0-$(( CORES - 1 )); }
stage "side by side: FashionGan full set on cores $FASHION_CORES, ganest --threads sweep on cores $SWEEP_CORES"
FASHION_SECONDS=$(( $(left) - 75 ))   # judging 10,000 images and writing the outputs come after the training minutes
if [ $FASHION_SECONDS -ge 45 ]; then
  MIN=$(python3 -c "print(round($FASHION_SECONDS/60, 2))")
  FARGS="--data $FM --out /tmp/fq --epochs 500 --minutes $MIN --grid-every 5 --base-channels 64 --batch-size 128 --average 0.999 --select-best $GPU_FLAG"
  echo "FashionGan $FARGS"
  (box $(( $(left) - 5 )) taskset -c $FASHION_CORES $FG $FARGS > /tmp/fq.log 2>&1) &
  FASHION=$!
else echo "no time left for the Fashion-MNIST run ($FASHION_SECONDS s)"; FASHION=""; fi
SWEEP=/tmp/threads.md; echo "| ganest train flights-20k, --epochs 2, cores $SWEEP_CORES | wall s | load |" > $SWEEP; echo "|---|---:|---|" >> $SWEEP
sweep() { # sweep LABEL ARGS…
  local s=$(date +%s.%N)
  box 45 taskset -c $SWEEP_CORES $G train --data data/splits/flights-20k.train.csv --model /tmp/t.zip --epochs 2 "$@" > /tmp/t.log 2>&1
  local rc=$?; local w=$(python3 -c "print(round($(date +%s.%N)-$s,1))")
  echo "| $label | $([ $rc -eq 0 ] && echo $w || echo "rc=$rc") | $(cut -d' ' -f1 /proc/loadavg) |" | tee -a $SWEEP
}
for t in $THREADS $(( $(taskset -c $SWEEP_CORES nproc) )); do label="--threads $t"; sweep --threads $t; done
label="default (no --threads)"; sweep
taskset -c $SWEEP_CORES sh -c 'while :; do :; done' & SPIN=$!
label="default, one busy process beside it"; sweep
label="--threads $(taskset -c $SWEEP_CORES nproc), one busy process beside it"; sweep --threads $(taskset -c $SWEEP_CORES nproc)
kill $SPIN
echo -e "\n#### Threads on $CORES cores (issue 19 item 3; the sweep had cores $SWEEP_CORES, FashionGan ran on $FASHION_CORES at the same time)\n" >> $S
cat $SWEEP >> $S

if [ -n "$FASHION" ]; then
  stage "waiting for FashionGan"
  wait $FASHION
  grep -E "^  epoch|Stopping|after epoch|Trained|Conditional accuracy|Fréchet|floor|rror|xception" /tmp/fq.log | tail -n 14
  echo -e "\n#### Full Fashion-MNIST, time-capped (\`FashionGan $FARGS\`)\n" >> $S
  { grep -E "^  epoch" /tmp/fq.log | tail -n 2; grep -E "Stopping|Conditional accuracy|Fréchet|floor" /tmp/fq.log | tail -n 6; } | sed 's/^ */- /' >> $S
  cp /tmp/fq/metrics.txt $OUT/fashion-metrics.txt 2>/dev/null
  cp $(ls /tmp/fq/samples-epoch-*.png 2>/dev/null | tail -1) $OUT/ 2>/dev/null
fi
stage "done"; cat $S; ls -la $OUT
