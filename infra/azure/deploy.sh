#!/usr/bin/env bash
# Deploys Fractal to Azure: publishes the app, deploys infra/azure/main.bicep to a resource group, then deploys the
# package to the Flex Consumption app (one deploy, through the identity-read deployment container).
#
# Usage: infra/azure/deploy.sh RESOURCE_GROUP [PARAMETERS (default: infra/azure/main.bicepparam)]
# Needs: the Azure CLI, logged in (az login) with Owner or User Access Administrator on the group (role assignments);
#        the .NET 10 SDK; zip. The secrets come from the environment, never from a file:
#        FRACTAL_SECRET_KEY, FRACTAL_RABBITMQ_URI.
set -euo pipefail
REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
group=${1:?"Usage: infra/azure/deploy.sh RESOURCE_GROUP [PARAMETERS]"}
parameters=${2:-$REPO/infra/azure/main.bicepparam}
: "${FRACTAL_SECRET_KEY:?set FRACTAL_SECRET_KEY (seals data-load tokens; stored in Key Vault)}"
: "${FRACTAL_RABBITMQ_URI:?set FRACTAL_RABBITMQ_URI (amqps://user:password@host/vhost; stored in Key Vault)}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "1/3 dotnet publish"
dotnet publish "$REPO/FunctionApp/Fractal.FunctionApp.csproj" -c Release -o "$work/app" --nologo -v quiet
(cd "$work/app" && zip -qr "$work/app.zip" .)

echo "2/3 az deployment group create ($parameters)"
outputs=$(az deployment group create \
  --resource-group "$group" --name "fractal-$(date +%Y%m%d%H%M%S)" --parameters "$parameters" \
  --query "[properties.outputs.appName.value, properties.outputs.baseUrl.value, properties.outputs.statusQueryBaseUrl.value]" \
  --output tsv)
read -r app base status <<<"$(tr '\n' ' ' <<<"$outputs")"

echo "3/3 zip deploy to $app (Flex Consumption one deploy)"
# A new role assignment on the deployment container can take a few minutes to apply: retry while it does.
for attempt in 1 2 3 4 5; do
  if az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$work/app.zip" --output none; then
    break
  fi
  [ "$attempt" -lt 5 ] || exit 1
  echo "   deploy refused (attempt $attempt); retrying in 60 s"; sleep 60
done

echo
echo "Base URL:          $base   (try: curl $base/api/health)"
echo "Status-query base: $status"
