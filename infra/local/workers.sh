#!/usr/bin/env bash
# Local scale-out: starts N local hosts (LocalHost/, the stand-in for Core Tools) serving one compiled app on one task
# hub against Azurite, as N instances of a Functions app share a task hub in Azure: the hub's partitions are leased
# among them and every one takes activities from the shared work-item queue.
#
# Usage: infra/local/workers.sh N        (run.sh --workers N builds first, then calls this)
#
# Worker i listens on http://127.0.0.1:$((FRACTAL_FIRST_PORT + i - 1)) and logs to $FRACTAL_STATE_DIR/workers/worker-i.log.
# Ctrl-C or SIGTERM stops them all (each gets the host's graceful stop); when one exits, the others are stopped too.
#
# Environment (besides what run.sh exports: AzureWebJobsStorage, keys, ...):
#   FRACTAL_APP_ASSEMBLY   the app's .dll (default: FunctionApp/bin/Release/net10.0/Fractal.FunctionApp.dll)
#   FRACTAL_FIRST_PORT     the first worker's port (default: 7071)
#   FRACTAL_STATE_DIR      state dir (default: <repo>/.local)
set -euo pipefail
REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)

count=${1:-}
if ! [[ "$count" =~ ^[1-9][0-9]*$ ]] || [ "$count" -gt 16 ]; then
  echo "Usage: infra/local/workers.sh N   (N from 1 to 16 workers)" >&2
  exit 2
fi

app=${FRACTAL_APP_ASSEMBLY:-$REPO/FunctionApp/bin/Release/net10.0/Fractal.FunctionApp.dll}
host=$REPO/LocalHost/bin/Release/net10.0/Fractal.LocalHost.dll
first_port=${FRACTAL_FIRST_PORT:-7071}
logs=${FRACTAL_STATE_DIR:-$REPO/.local}/workers
for file in "$app" "$host"; do
  [ -f "$file" ] || { echo "Not built: $file (run ./run.sh --workers $count, or dotnet build -c Release)" >&2; exit 2; }
done
mkdir -p "$logs"

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

for i in $(seq 1 "$count"); do
  url="http://127.0.0.1:$((first_port + i - 1))"
  ASPNETCORE_URLS=$url dotnet "$host" "$app" >"$logs/worker-$i.log" 2>&1 &
  pids+=("$!")
  echo "worker $i: pid $!, $url, log $logs/worker-$i.log"
done

# Until a signal, or until one worker exits (then the rest are stopped and its status returned).
set +e
wait -n "${pids[@]}"
status=$?
set -e
echo "A worker exited (status $status); stopping the others." >&2
exit "$status"
