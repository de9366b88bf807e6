// Key Vault in RBAC mode holding the app's secrets; the app reads them through Key Vault references with its
// managed identity (Key Vault Secrets User), so no secret value is an app setting.

@description('The vault\'s name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('The region.')
param location string

@description('The resource ID of the app\'s managed identity (names its role assignments).')
param identityId string

@description('The principal ID of the app\'s managed identity.')
param principalId string

@description('FRACTAL_SECRET_KEY: seals the source tokens of data loads.')
@secure()
param fractalSecretKey string

@description('The RabbitMQ URI (amqps://user:password@host/vhost) of the tasks queue.')
@secure()
param rabbitMqUri string

// Built-in role: Key Vault Secrets User.
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'fractal-secret-key'
  properties: { value: fractalSecretKey }
}

resource rabbitMq 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'rabbitmq-uri'
  properties: { value: rabbitMqUri }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityId, secretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('The Key Vault references the app settings hold: FRACTAL_SECRET_KEY (sealing) and RabbitMQConnection (rabbitMq).')
output references { sealing: string, rabbitMq: string } = {
  sealing: '@Microsoft.KeyVault(SecretUri=${secretKey.properties.secretUri})'
  rabbitMq: '@Microsoft.KeyVault(SecretUri=${rabbitMq.properties.secretUri})'
}
