// Log Analytics and workspace-based Application Insights. Local (key) authentication is off: the app's telemetry is
// accepted only with an Entra ID token of its managed identity (Monitoring Metrics Publisher), so the connection
// string identifies the resource and grants nothing.

@description('The Log Analytics workspace\'s name.')
param workspaceName string

@description('The Application Insights component\'s name.')
param applicationInsightsName string

@description('The region.')
param location string

@description('The resource ID of the app\'s managed identity (names its role assignments).')
param identityId string

@description('The principal ID of the app\'s managed identity.')
param principalId string

@description('Days Log Analytics keeps the data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

// Built-in role: Monitoring Metrics Publisher.
var metricsPublisherRole = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    retentionInDays: retentionInDays
    sku: { name: 'PerGB2018' }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityId, metricsPublisherRole)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRole)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('The Application Insights connection string (an identifier: local authentication is off).')
output connectionString string = applicationInsights.properties.ConnectionString
