// The Functions app on the Flex Consumption plan (FC1): .NET isolated on the runtime the app targets, its package in
// the storage account's deployment container, read with the managed identity, and every setting that names storage,
// telemetry or a secret given by identity or by Key Vault reference, never by key.

@description('The app\'s name (its host name is {name}.azurewebsites.net).')
param name string

@description('The Flex Consumption plan\'s name.')
param planName string

@description('The region.')
param location string

@description('The managed identity\'s resource ID.')
param identityId string

@description('The managed identity\'s client ID.')
param identityClientId string

@description('The storage account\'s name (AzureWebJobsStorage__accountName).')
param storageAccountName string

@description('The blob container URL the plan deploys the package from.')
param deploymentContainerUrl string

@description('The .NET version the app targets (FunctionApp/*.csproj: net10.0).')
param dotnetVersion string

@description('Memory per instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('The most instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

// How the Durable settings of host.json govern scale (they may be overridden here, as app settings):
// - extensions.durableTask.storageProvider.partitionCount (at most 16): an orchestration instance lives on one
//   control-queue partition and a partition is leased by one instance of the app at a time, so orchestrations spread
//   over at most partitionCount instances, whatever maximumInstanceCount allows;
// - activities are taken from the one shared work-item queue by every instance, so they spread over all of them,
//   maxConcurrentActivityFunctions at a time on each;
// - maxQueuePollingInterval bounds how long an idle instance waits before it sees new work.
@description('extensions.durableTask.storageProvider.partitionCount: orchestrations spread over at most this many instances (1-16).')
@minValue(1)
@maxValue(16)
param durablePartitionCount int

@description('extensions.durableTask.maxConcurrentActivityFunctions: activities at once on each instance.')
@minValue(1)
param maxConcurrentActivityFunctions int

@description('The Application Insights connection string (an identifier: local authentication is off).')
param applicationInsightsConnectionString string

@description('Key Vault references (not values): FRACTAL_SECRET_KEY as sealing, the RabbitMQ URI as rabbitMq.')
param vaultReferences { sealing: string, rabbitMq: string }

@description('The origins of the Fractalis portals allowed to call the app with credentials (cookies).')
param corsAllowedOrigins string[]

@description('The allow-listed ETL handlers (FRACTAL_ETL_HANDLERS).')
param etlHandlers string

@description('The allow-listed task models (FRACTAL_ACCEPTED_MODELS; * for all).')
param acceptedModels string

@description('The queue the RabbitMQ trigger consumes (FRACTAL_TASKS_QUEUE); dead letters go to {queue}.dead.')
param tasksQueue string

var durableTask = 'AzureFunctionsJobHost__extensions__durableTask'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: true
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Storage by identity, as the Functions host and the app's StorageClientFactory read it.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry to Application Insights with an Entra ID token of the identity (the app's OpenTelemetry exporter too).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // Secrets: Key Vault references resolved with the identity (keyVaultReferenceIdentity).
    FRACTAL_SECRET_KEY: vaultReferences.sealing
    RabbitMQConnection: vaultReferences.rabbitMq
    FRACTAL_ETL_HANDLERS: etlHandlers
    FRACTAL_ACCEPTED_MODELS: acceptedModels
    FRACTAL_TASKS_QUEUE: tasksQueue
    '${durableTask}__storageProvider__partitionCount': string(durablePartitionCount)
    '${durableTask}__maxConcurrentActivityFunctions': string(maxConcurrentActivityFunctions)
  }
}

@description('The app\'s host name.')
output hostName string = app.properties.defaultHostName
