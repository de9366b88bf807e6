#!/usr/bin/env bash
# Installs what is missing, starts the local services, builds and serves Fractal like `func start`: the local host
# (LocalHost/, the stand-in for Functions Core Tools) runs the compiled FunctionApp on Kestrel, its durable work on
# DTFx's Azure Storage provider over Azurite.
set -euo pipefail
cd "$(dirname "$0")"

# ./run.sh --workers N: N local hosts on one task hub (infra/local/workers.sh), each with its own port and log.
workers=""
if [ "${1:-}" = "--workers" ]; then
  workers=${2:?"Usage: ./run.sh [--workers N]"}
fi

infra/local/services.sh start all

state="${FRACTAL_STATE_DIR:-$PWD/.local}"
mkdir -p "$state"
if [ -z "${FRACTAL_HOST_KEY:-}" ]; then
  if [ ! -s "$state/host.key" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$state/host.key")
  fi
  FRACTAL_HOST_KEY=$(cat "$state/host.key")
fi
export FRACTAL_HOST_KEY
export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
export RabbitMQConnection="${RabbitMQConnection:-amqp://guest:guest@127.0.0.1:5672/}"
export PostgresConnection="${PostgresConnection:-Host=127.0.0.1;Port=5432;Username=fractal;Password=fractal;Database=fractal}"
export FRACTAL_ETL_HANDLERS="${FRACTAL_ETL_HANDLERS:-csv,json,demo,postgres,elasticsearch,portal}"
# Batch tasks: every shipped model, from the queue fractal-tasks (dead letters: fractal-tasks.dead).
export FRACTAL_ACCEPTED_MODELS="${FRACTAL_ACCEPTED_MODELS:-*}"
export FRACTAL_TASKS_QUEUE="${FRACTAL_TASKS_QUEUE:-fractal-tasks}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build FunctionApp/Fractal.FunctionApp.csproj -c Release --nologo -v quiet
dotnet build LocalHost/Fractal.LocalHost.csproj -c Release --nologo -v quiet

if [ -n "$workers" ]; then
  echo "Function key (x-functions-key header or ?code=): ${FRACTAL_HOST_KEY}"
  exec infra/local/workers.sh "$workers"
fi

echo
echo "Fractal is starting on ${ASPNETCORE_URLS}"
echo "Function key (x-functions-key header or ?code=): ${FRACTAL_HOST_KEY}"
echo "Try: curl ${ASPNETCORE_URLS%%;*}/api/health"
echo
exec dotnet LocalHost/bin/Release/net10.0/Fractal.LocalHost.dll "$PWD/FunctionApp/bin/Release/net10.0/Fractal.FunctionApp.dll"
