#!/usr/bin/env bash
# Sets up what the tests need (Azurite, RabbitMQ, PostgreSQL), builds, checks formatting, runs every
# test project and ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

infra/local/services.sh start all

export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
export RabbitMQConnection="${RabbitMQConnection:-amqp://guest:guest@127.0.0.1:5672/}"
export PostgresConnection="${PostgresConnection:-Host=127.0.0.1;Port=5432;Username=fractal;Password=fractal;Database=fractal}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Fractal.sln --nologo -v quiet
dotnet format Fractal.sln --verify-no-changes --no-restore

log=$(mktemp)
set +e
dotnet test Fractal.sln --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project summaries: "Passed!  - Failed: 0, Passed: 31, Skipped: 0, Total: 31".
read -r passed failed skipped projects < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) }
      if ($i == "Passed:")  { p += $(i + 1) }
      if ($i == "Skipped:") { s += $(i + 1) }
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log")
rm -f "$log"

if [ "$projects" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
