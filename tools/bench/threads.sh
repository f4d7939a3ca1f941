#!/usr/bin/env bash
# Times training with different libtorch thread settings, idle and beside one single-threaded CPU spinner.
# Usage: tools/bench/threads.sh TABLE EPOCHS "LABEL=ENV ARGS" ...   (TABLE: a CSV for ganest, or "ring")
# Each config: LABEL=VAR=VALUE,VAR=VALUE|--threads N  (empty parts allowed). Prints one line per run.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
table=$1; epochs=$2; shift 2
ganest="$root/src/GanEstimators.Cli/bin/Release/net10.0/ganest"
bench="$root/tests/GanEstimators.Benchmarks/bin/Release/net10.0/GanEstimators.Benchmarks"
run_one() {  # $1 env list, $2 args
  local envs=() ; IFS=',' read -ra envs <<< "$1"
  local start end
  start=$(date +%s.%N)
  if [ "$table" = ring ]; then
    env "${envs[@]}" "$bench" --only "ring NS" --reps 1 --epochs "$epochs" --warmup 1 $2 > "/tmp/threads-$(basename "$table")-$busy-$label.log" 2>&1
  else
    env "${envs[@]}" "$ganest" train --data "$table" --model /tmp/threads-model.zip --epochs "$epochs" $2 > "/tmp/threads-$(basename "$table")-$busy-$label.log" 2>&1
  fi
  local rc=$?
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) s rc=$rc"
}
for busy in idle busy; do
  spinner=""
  if [ $busy = busy ]; then timeout 900 sh -c 'while :; do :; done' & spinner=$!; sleep 2; fi
  for config in "$@"; do
    label=${config%%=*}; rest=${config#*=}; envpart=${rest%%|*}; args=${rest#*|}
    export label busy; result=$(run_one "$envpart" "$args")
    echo "$(basename "$table") $busy $label [$envpart] [$args]: $result; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  if [ -n "$spinner" ]; then kill "$spinner"; wait "$spinner" 2>/dev/null; sleep 5; fi
done
