#!/usr/bin/env bash
# The full benchmark run behind BENCHMARKS.md: about 18 minutes on a 2-core machine.
# Results land in benchmarks/target/results; the last step prints the tables with the ratios to floorOkHttp
# and to feignFloor, and whether each goal is met.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"

# Single-threaded figures swing widely on a 2-core VM unless caller and server share one pinned core.
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 1); else echo "taskset not found: latency runs unpinned" >&2; fi

# 1. Latency (one thread) and allocated bytes per call, caller and server pinned to one core; every contender,
#    feignCore (in memory, no socket) included.
"${pin[@]}" java -jar "$jar" 'PatchBenchmark.latency' -prof gc -rf json -rff "$out/latency.json" | tee "$out/latency.txt"
# 2. Throughput, 16 threads sharing one client, both cores; the contenders that call over a socket.
java -jar "$jar" 'PatchBenchmark.throughput' -p contender=floorJdk,floorOkHttp,feignFloor,dirprov,auth0Sdk -rf json -rff "$out/throughput.json" | tee "$out/throughput.txt"
# 3. What the server and the loopback cost: the cheapest possible client against the stub (and a JDK HttpServer).
"${pin[@]}" java -jar "$jar" 'ServerCostBenchmark.latency' -rf json -rff "$out/server-latency.json" | tee "$out/server-latency.txt"
java -jar "$jar" 'ServerCostBenchmark.throughput' -rf json -rff "$out/server-throughput.json" | tee "$out/server-throughput.txt"
# 4. One call on a kept-alive connection, on a new one, and after the server closed the idle one (pinned).
"${pin[@]}" java -jar "$jar" 'IdleCloseBenchmark' -rf json -rff "$out/idle-close.json" | tee "$out/idle-close.txt"
# 5. Cold start: JVM start to first completed PATCH, separate processes, 10 runs each, median.
java -Dcoldstart.out="$out/coldstart.csv" -cp "$jar" dev.dirprov.benchmarks.ColdStart 10 | tee "$out/coldstart.txt"

grep -h '^\[server\]' "$out/latency.txt" "$out/throughput.txt" || true
java -cp "$jar" dev.dirprov.benchmarks.Summary "$out" | tee "$out/summary.md"
