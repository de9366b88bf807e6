// Fractal in Azure: the Functions app (FunctionApp/) on the Flex Consumption plan, its storage reached by a
// user-assigned managed identity, Log Analytics and Application Insights, and Key Vault for its secrets.
// Deploy with infra/azure/deploy.sh (see infra/azure/README.md).

targetScope = 'resourceGroup'

@description('The region of every resource.')
param location string = resourceGroup().location

@description('A short prefix for resource names (lowercase letters and digits).')
@minLength(2)
@maxLength(10)
param namePrefix string

@description('The .NET version the app targets (FunctionApp/*.csproj: net10.0).')
param dotnetVersion string = '10.0'

@description('Memory per Flex Consumption instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('The most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('host.json extensions.durableTask.storageProvider.partitionCount: orchestrations spread over at most this many instances (1-16).')
@minValue(1)
@maxValue(16)
param durablePartitionCount int = 4

@description('host.json extensions.durableTask.maxConcurrentActivityFunctions: activities at once on each instance.')
@minValue(1)
param maxConcurrentActivityFunctions int = 64

@description('The origins of the Fractalis portals allowed to call the app with credentials.')
param corsAllowedOrigins string[]

@description('The allow-listed ETL handlers (FRACTAL_ETL_HANDLERS).')
param etlHandlers string = 'csv,json,demo,postgres,elasticsearch,portal'

@description('The allow-listed task models (FRACTAL_ACCEPTED_MODELS; * for all; empty: none).')
param acceptedModels string = '*'

@description('The queue the RabbitMQ trigger consumes (FRACTAL_TASKS_QUEUE).')
param tasksQueue string = 'fractal-tasks'

@description('FRACTAL_SECRET_KEY: seals the source tokens of data loads. Stored in Key Vault only.')
@secure()
param fractalSecretKey string

@description('The RabbitMQ URI of the tasks queue (amqps://user:password@host/vhost). Stored in Key Vault only.')
@secure()
param rabbitMqUri string

@description('Days Log Analytics keeps the data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var token = toLower(uniqueString(resourceGroup().id, namePrefix))
var names = {
  identity: 'id-${namePrefix}-${token}'
  storage: take('st${namePrefix}${token}', 24)
  vault: take('kv-${namePrefix}-${token}', 24)
  workspace: 'log-${namePrefix}-${token}'
  applicationInsights: 'appi-${namePrefix}-${token}'
  plan: 'plan-${namePrefix}-${token}'
  app: 'func-${namePrefix}-${token}'
}

// The user-assigned managed identity the app runs as: storage, Key Vault and Application Insights trust it.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    deploymentContainerName: 'app-package'
    identityId: identity.id
    principalId: identity.properties.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    identityId: identity.id
    principalId: identity.properties.principalId
    retentionInDays: logRetentionInDays
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.vault
    location: location
    identityId: identity.id
    principalId: identity.properties.principalId
    fractalSecretKey: fractalSecretKey
    rabbitMqUri: rabbitMqUri
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: names.app
    planName: names.plan
    location: location
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    dotnetVersion: dotnetVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    durablePartitionCount: durablePartitionCount
    maxConcurrentActivityFunctions: maxConcurrentActivityFunctions
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    vaultReferences: vault.outputs.references
    corsAllowedOrigins: corsAllowedOrigins
    etlHandlers: etlHandlers
    acceptedModels: acceptedModels
    tasksQueue: tasksQueue
  }
}

@description('The app\'s name (for the zip deploy).')
output appName string = names.app

@description('The app\'s base URL: the product API is under /api.')
output baseUrl string = 'https://${app.outputs.hostName}'

@description('The base of the Durable Functions status-query URLs (/runtime/webhooks/durabletask/instances/{id}).')
output statusQueryBaseUrl string = 'https://${app.outputs.hostName}/runtime/webhooks/durabletask/instances'
