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
cpus() { python3 -c 'import os; print(len(os.sched_getaffinity(0)))'; }   # nproc would follow OMP_NUM_THREADS
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv 2>/dev/null; echo "$(cpus) CPUs"; free -g | head -2
source .gpu/device-env.sh && echo "unpacked in $(( $(date +%s) - T0 )) s; libtorch from $TORCH_LIB"
python3 -c 'import torch;print("python torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' 2>&1 | tail -1
B="dotnet /tmp/b/apps/bench/GanEstimators.Benchmarks.dll"; G="dotnet /tmp/b/apps/ganest/ganest.dll"; FG="dotnet /tmp/b/apps/fashion/FashionGan.dll"
FM=${FM:-/tmp/fm}
unxz() { python3 -c "import lzma,gzip,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), gzip.open(sys.argv[2],'wb',compresslevel=1))" .gpu/$1.xz $FM/$1.gz; }
# The full training set from .gpu; the full test set too when make-bundle.sh packed it, else the repository subset's 1,000.
[ -d $FM ] || { mkdir -p $FM && cp .gpu/train-labels-idx1-ubyte.gz $FM/ && unxz train-images-idx3-ubyte &&
  if [ -f .gpu/t10k-images-idx3-ubyte.xz ]; then cp .gpu/t10k-labels-idx1-ubyte.gz $FM/ && unxz t10k-images-idx3-ubyte; else cp data/fashion-mnist-subset/t10k-* $FM/; fi; }
ls -la $FM
on() { case ",${STAGES:-pytorch,profile,flights,side}," in *",$1,"*) return 0;; *) echo "stage $1 left out (STAGES)"; return 1;; esac; }
GPU_NAME=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1); GPU_NAME=${GPU_NAME:-no GPU ($DEVICE)}
{ echo "### GPU profile on $GPU_NAME ($(date -u +%F), tools/gpu/profile-on-device.sh)"; echo
  echo "$(cpus) CPU cores; PyTorch $(python3 -c 'import torch;print(torch.__version__)' 2>/dev/null || echo 'not found'); TorchSharp 0.107 on that PyTorch's libtorch ($TORCH_LIB)."; } > $S

stage "(c) PyTorch eager"
on pytorch && echo -e "\n#### (c) PyTorch eager (\`python3 tools/gpu/dcgan_step.py --batches $BATCHES --steps $PYSTEPS\`)\n" >> $S
set -o pipefail
on pytorch && box 75 python3 -u .gpu/dcgan_step.py --device $DEVICE --batches $BATCHES --steps $PYSTEPS --out $OUT/pytorch.json | tee /tmp/pytorch.txt
on pytorch && grep -E '^\||^torch.profiler' /tmp/pytorch.txt >> $S

stage "(a) trainer and (b) hand-written TorchSharp loop"
on profile && echo -e "\n#### (a) trainer and (b) hand-written TorchSharp loop (\`GanEstimators.Benchmarks --gpu-profile --device $DEVICE --batches $BATCHES --steps-per-epoch $STEPS\`)\n" >> $S
on profile && box 160 $B --gpu-profile --device $DEVICE --data $FM --batches $BATCHES --steps-per-epoch $STEPS --out /tmp/profile.md 2>&1 | grep -v NNPACK
on profile && cat /tmp/profile.md >> $S 2>/dev/null

stage "flights-20k on the GPU, and sampling"
on flights && echo -e "\n#### flights-20k (\`GanEstimators.Benchmarks --gpu-tabular --device $DEVICE --epochs $EPOCHS\`)\n" >> $S
on flights && box 80 $B --gpu-tabular --device $DEVICE --data data --epochs $EPOCHS --chunk ${CHUNK:-65536} --out /tmp/flights.md 2>&1 | grep -v NNPACK
on flights && sed 's/^/- /' /tmp/flights.md >> $S 2>/dev/null
# Same seed, same GPU, same run? Penguins (condition column and categories: every device draw) trained twice with
# seed 1 and once with seed 2; the sampled rows (drawn on the CPU, seed 1) compared.
repro() { box 30 $G train --data data/splits/penguins.train.csv --model /tmp/r$1.zip --condition-column species --epochs 30 --seed $2 $GPU_FLAG >/dev/null 2>&1 &&
  box 20 $G sample --model /tmp/r$1.zip --count 2000 --out /tmp/r$1.csv --seed 1 >/dev/null 2>&1 && md5sum < /tmp/r$1.csv | cut -c1-12; }
if on flights; then
  a=$(repro a 1); b=$(repro b 1); c=$(repro c 2)
  echo "- reproducibility ($DEVICE, penguins, 30 epochs, ganest train --seed S then sample --seed 1, md5 of the CSV): seed 1 $a, seed 1 again $b ($([ -n "$a" ] && [ "$a" = "$b" ] && echo same || echo DIFFERENT)), seed 2 $c ($([ -n "$c" ] && [ "$c" != "$a" ] && echo differs || echo SAME or missing))" | tee -a $S
fi
nvidia-smi --query-gpu=utilization.gpu,memory.used,clocks.sm --format=csv,noheader 2>/dev/null

# The last two side by side on separate cores: the threads sweep must not share its cores, the GPU run needs few.
CORES=$(cpus); FASHION_CORES=0-3; SWEEP_CORES=4-$(( CORES - 1 )); [ $CORES -lt 8 ] && { FASHION_CORES=0; SWEEP_CORES=0-$(( CORES - 1 )); }
stage "side by side: FashionGan full set on cores $FASHION_CORES, ganest --threads sweep on cores $SWEEP_CORES"
on side || { stage "done"; cat $S; exit 0; }
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
  box 45 taskset -c $SWEEP_CORES env -u OMP_NUM_THREADS $G train --data data/splits/flights-20k.train.csv --model /tmp/t.zip --epochs 2 "$@" > /tmp/t.log 2>&1
  local rc=$?; local w=$(python3 -c "print(round($(date +%s.%N)-$s,1))")
  echo "| $label | $([ $rc -eq 0 ] && echo $w || echo "rc=$rc") | $(cut -d' ' -f1 /proc/loadavg) |" | tee -a $SWEEP
}
SWEEP_CPUS=$(taskset -c $SWEEP_CORES python3 -c 'import os; print(len(os.sched_getaffinity(0)))')
for t in $THREADS $SWEEP_CPUS; do label="--threads $t"; sweep --threads $t; done
label="default (no --threads)"; sweep
taskset -c $SWEEP_CORES sh -c 'while :; do :; done' & SPIN=$!
label="default, one busy process beside it"; sweep
label="--threads $SWEEP_CPUS, one busy process beside it"; sweep --threads $SWEEP_CPUS
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
