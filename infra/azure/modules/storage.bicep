// The app's storage account: the task hub (queues, tables, leases), the product's blobs (datasets, results, charts)
// and the Flex Consumption deployment container. Shared-key access is off: everything, the Functions host included,
// reaches it through the managed identity (AzureWebJobsStorage__accountName / __credential / __clientId).

@description('The storage account\'s name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('The region.')
param location string

@description('The blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('The resource ID of the app\'s managed identity (names its role assignments).')
param identityId string

@description('The principal ID of the app\'s managed identity.')
param principalId string

// Built-in roles: Storage Blob Data Contributor, Storage Queue Data Contributor, Storage Table Data Contributor.
var dataRoles = {
  blob: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queue: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  table: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource dataRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(dataRoles): {
  name: guid(storage.id, identityId, role.value)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

@description('The storage account\'s name.')
output name string = storage.name

@description('The blob endpoint of the deployment container.')
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
