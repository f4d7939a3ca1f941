#!/bin/bash
# ganest on CUDA: train penguins and flights-20k with --gpu 0, then sample them (ganest sample loads on the CPU, so this
# also checks that a GPU-trained model loads and samples there).
set -u
source .gpu/device-env.sh
G="dotnet /tmp/b/apps/ganest/ganest.dll"
t() { local s=$(date +%s.%N); "$@"; echo "rc=$? in $(python3 -c "print(round($(date +%s.%N)-$s,2))") s: ${*:3:3}"; }
t $G train --data data/splits/penguins.train.csv --model /tmp/p.zip --condition-column species --epochs 100 --gpu 0 | tail -1
t $G sample --model /tmp/p.zip --count 1000 --out /tmp/p.csv --condition species=Chinstrap --condition sex=FEMALE | tail -1
head -3 /tmp/p.csv; cut -d, -f1 /tmp/p.csv | sort | uniq -c
t $G train --data data/splits/flights-20k.train.csv --model /tmp/f.zip --epochs 3 --gpu 0 | tail -1
for i in 1 2; do t $G sample --model /tmp/f.zip --count 200000 --out /tmp/f.csv --seed $i | tail -1; done
