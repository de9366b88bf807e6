#!/usr/bin/env bash
# Scale-out bench: times one fan-out of COUNT activities (the samples' FanOut: activity i returns i) on 1, then on 2
# local hosts started by infra/local/workers.sh on one task hub over Azurite, and tells how many activities each
# host ran. The orchestration lives on one partition (one host); its activities go to whichever host takes them from
# the shared work-item queue.
#
# Usage: bench/ScaleOut/fanout.sh [COUNT (default 1000)] [WORKER COUNTS (default "1 2")]
# Durable settings: the app's host.json values (64 activities and 16 orchestrators at once per host, 4 partitions,
# 1 s longest queue poll), given as environment overrides to the samples app.
set -euo pipefail
REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
count=${1:-1000}
worker_counts=${2:-"1 2"}

infra/local/services.sh start azurite >/dev/null
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build samples/Fractal.Samples/Fractal.Samples.csproj -c Release --nologo -v quiet >/dev/null
dotnet build LocalHost/Fractal.LocalHost.csproj -c Release --nologo -v quiet >/dev/null

export AzureWebJobsStorage=${AzureWebJobsStorage:-UseDevelopmentStorage=true}
export FRACTAL_HOST_KEY=bench-scaleout-key
export FRACTAL_APP_ASSEMBLY=$REPO/samples/Fractal.Samples/bin/Release/net10.0/Fractal.Samples.dll
export FRACTAL_FIRST_PORT=${FRACTAL_FIRST_PORT:-7181}
durable=AzureFunctionsJobHost__extensions__durableTask
export ${durable}__maxConcurrentActivityFunctions=64 ${durable}__maxConcurrentOrchestratorFunctions=16
export ${durable}__storageProvider__partitionCount=4 ${durable}__storageProvider__maxQueuePollingInterval=00:00:01

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1]) or "")' "$1"; }

for workers in $worker_counts; do
  hub="scaleout${workers}x$(date +%s)"
  export FRACTAL_STATE_DIR=$REPO/.local/scaleout-$hub
  export ${durable}__hubName=$hub
  infra/local/workers.sh "$workers" >/dev/null &
  runner=$!
  trap 'kill -TERM $runner 2>/dev/null; wait $runner 2>/dev/null' EXIT
  # Ready: every worker has acquired a control-queue partition (a stolen lease counts once its owner has drained it),
  # and the leases have not moved for 5 s: the partitions are balanced before the clock starts. A partition that
  # moves while the fan-out runs can hold its instance until the moved messages' visibility timeout.
  for i in $(seq 1 "$workers"); do
    until grep -qE "control-[0-9]+: Successfully acquired" "$FRACTAL_STATE_DIR/workers/worker-$i.log" 2>/dev/null; do sleep 0.5; done
  done
  lease_lines() { cat "$FRACTAL_STATE_DIR"/workers/worker-*.log | grep -cE "control-[0-9]+: .*(lease|Draining)" || true; }
  seen=$(lease_lines); quiet=0
  while [ "$quiet" -lt 10 ]; do
    sleep 0.5
    now=$(lease_lines)
    if [ "$now" = "$seen" ]; then quiet=$((quiet + 1)); else seen=$now; quiet=0; fi
  done

  started=$(date +%s.%N)
  status_url=$(curl -sf -X POST -H "x-functions-key: $FRACTAL_HOST_KEY" \
    "http://127.0.0.1:$FRACTAL_FIRST_PORT/api/samples/fanout?count=$count" | json_field statusQueryGetUri)
  while :; do
    state=$(curl -sf "$status_url" | json_field runtimeStatus)
    case "$state" in
      Completed) break ;;
      Failed|Terminated) echo "$workers worker(s): the fan-out ended $state" >&2; exit 1 ;;
    esac
    sleep 0.25
  done
  ended=$(date +%s.%N)

  kill -TERM "$runner"; wait "$runner" 2>/dev/null || true
  trap - EXIT
  ran=""
  for i in $(seq 1 "$workers"); do
    ran+=" worker $i ran $(grep -c "'EchoIndex' activity of orchestration ID '.*' started" "$FRACTAL_STATE_DIR/workers/worker-$i.log" || true);"
  done
  printf '%s activities on %s worker(s): %.1f s (hub %s;%s)\n' "$count" "$workers" "$(python3 -c "print($ended - $started)")" "$hub" "${ran%;}"
done
