#!/usr/bin/env bash
# On-CPU profile of one bench scenario with Linux perf: runs the bench with the JIT's symbol maps on, waits for the
# first measured round, records 12 s of samples with call stacks, and leaves LABEL.perf.data and LABEL.stacks.txt
# in OUT (the bench's report in OUT too). Needs perf (Debian: linux-perf) and permission to profile the process.
#
#   dotnet build -c Release bench/ProductQuality.Graph.Bench -o /tmp/bench
#   bench/profile/perf_record.sh /tmp/bench "plain status" plain /tmp/profiles --db /tmp/pq-bench.db
#   bench/profile/perf_record.sh /tmp/bench "GraphQL status" graphql /tmp/profiles --db /tmp/pq-bench.db
#   python3 bench/profile/perf_diff.py /tmp/profiles/plain.perf.data CPU_A /tmp/profiles/graphql.perf.data CPU_B
#
# --only matches by substring, so "GraphQL status" also measures "GraphQL status asOf": the recording covers the
# first measured scenario. Extra arguments go to the bench (e.g. --db, --set AccessLog:Enabled=false).
set -euo pipefail
bench_dir=$1 only=$2 label=$3 out=$4
shift 4
mkdir -p "$out"
log="$out/$label.bench.log"
# Without W^X the JIT writes code where perf's maps (/tmp/perf-PID.map) say it is.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet "$bench_dir/ProductQuality.Graph.Bench.dll" \
  --seconds 20 --warmup 8 --rounds 1 --only "$only" --out "$out" "$@" >"$log" 2>&1 &
bench=$!
until grep -q "Process id" "$log"; do sleep 1; done
pid=$(grep -o "Process id [0-9]*" "$log" | grep -o "[0-9]*$")
until grep -q "round 1/1" "$log"; do sleep 1; done
sleep 3
perf record -F 1999 -g -p "$pid" -o "$out/$label.perf.data" -- sleep 12 >"$out/$label.perf.log" 2>&1
wait "$bench"
perf script -i "$out/$label.perf.data" -F comm,tid,ip,sym >"$out/$label.stacks.txt" 2>/dev/null
grep -E "^\| " "$log" | head -12
