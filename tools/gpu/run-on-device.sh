#!/bin/bash
# Issue 4's CUDA check: the published FashionGan sample and ganest (TorchSharp 0.107, built for libtorch 2.10 CPU) run
# against this machine's PyTorch libtorch (with CUDA) in place of the CPU libtorch they ship with.
set -u
OUT=${OUT:-/tmp/out}; mkdir -p $OUT
exec > >(tee $OUT/log.txt) 2>&1
T0=$(date +%s); LIMIT=${LIMIT:-520}
left() { echo $(( LIMIT - ($(date +%s) - T0) )); }
echo "== machine"; nvidia-smi -L; nproc
source .gpu/device-env.sh && echo "unpacked in $(( $(date +%s) - T0 )) s"
TL=$TORCH_LIB
echo "== PyTorch libtorch: $TL"
python3 -c 'import torch;print("python torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())'
ls $TL | tr '\n' ' '; echo
python3 .gpu/abi_check.py $TL /tmp/b/torchsharp-undefined.txt
echo "== ganest train on penguins, --gpu 0 ($(left) s left)"
timeout 90 dotnet /tmp/b/apps/ganest/ganest.dll train --data data/splits/penguins.train.csv --model /tmp/penguins.zip --condition-column species --epochs 100 --gpu 0 ${GANEST_EXTRA:-}
echo "rc=$?"
timeout 30 dotnet /tmp/b/apps/ganest/ganest.dll sample --model /tmp/penguins.zip --count 1000 --out $OUT/penguins-gpu.csv --condition species=Gentoo; echo "rc=$?"
head -3 $OUT/penguins-gpu.csv
FM=${FM:-/tmp/fm}
[ -d $FM ] || { mkdir -p $FM && cp .gpu/*labels*.gz $FM/ && for f in train-images-idx3-ubyte t10k-images-idx3-ubyte; do python3 -c "import lzma,gzip,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), gzip.open(sys.argv[2],'wb',compresslevel=1))" .gpu/$f.xz $FM/$f.gz; done; ls -la $FM; }
GPU=${GPU_ARG---gpu 0}
echo "== FashionGan, full set, 2 epochs in two resumed chunks ($(left) s left)"
timeout $(( $(left) - 60 )) dotnet /tmp/b/apps/fashion/FashionGan.dll --data $FM --out /tmp/f1 --epochs 2 --grid-every 1 $GPU | tee /tmp/f1.log
per=$(grep -oP 'epoch +1 .*\(\K[0-9]+(?= s;)' /tmp/f1.log | head -1)
cp /tmp/f1/metrics.txt $OUT/metrics-2epochs.txt 2>/dev/null
if [ -n "$per" ]; then
  E=$(( ($(left) - 90) / (per + 1) )); [ $E -gt ${MAX_EPOCHS:-40} ] && E=${MAX_EPOCHS:-40}
  if [ $E -ge 2 ]; then
    echo "== FashionGan, full set, $E epochs (one took $per s; $(left) s left)"
    timeout $(( $(left) - 5 )) dotnet /tmp/b/apps/fashion/FashionGan.dll --data $FM --out /tmp/fE --epochs $E --grid-every $E $GPU
    echo "rc=$?"
    cp /tmp/fE/metrics.txt /tmp/fE/loss-curves.png /tmp/fE/history.csv $OUT/ 2>/dev/null
    cp $(ls /tmp/fE/samples-epoch-*.png | tail -1) $OUT/ 2>/dev/null
    [ -f /tmp/fE/generated.csv ] && gzip -c /tmp/fE/generated.csv > $OUT/generated.csv.gz
  fi
fi
echo "== done in $(( $(date +%s) - T0 )) s"; ls -la $OUT
