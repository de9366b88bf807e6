using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fractal.Infra.Tests.Azure;

/// <summary>What the compiled ARM JSON of <c>infra/azure/main.bicep</c> deploys.</summary>
public sealed partial class MainTemplateTests : IClassFixture<CompiledTemplate>
{
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private readonly CompiledTemplate _template;

    public MainTemplateTests(CompiledTemplate template)
    {
        _template = template;
    }

    [Fact]
    public void Parameters_ThatCarrySecrets_AreSecureEverywhere()
    {
        var secretLike = _template.Templates
            .SelectMany(t => (t["parameters"] as JsonObject ?? []).Select(p => (Name: p.Key, Type: (string?)p.Value!["type"])))
            .Where(p => SecretName().IsMatch(p.Name))
            .ToList();

        Assert.Contains(secretLike, p => p.Name == "fractalSecretKey");
        Assert.Contains(secretLike, p => p.Name == "rabbitMqUri");
        Assert.All(secretLike, p => Assert.True(p.Type is "securestring" or "secureObject", $"{p.Name} is {p.Type}"));
    }

    [Fact]
    public void Outputs_NeverCarryASecretParameter()
    {
        var outputs = _template.Templates.SelectMany(t => t["outputs"] as JsonObject ?? []).Select(o => o.Value!.ToJsonString());

        Assert.All(outputs, o => Assert.DoesNotMatch(SecretParameterUse(), o));
    }

    [Fact]
    public void AppSettings_HoldNoConnectionStringKeyOrSecretValue()
    {
        var settings = AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Select(s => s.Key));
        Assert.All(settings, s => Assert.DoesNotMatch(KeyMaterial(), s.Value!.ToJsonString()));
        Assert.DoesNotContain("listKeys", _template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[parameters('vaultReferences').sealing]", (string?)settings["FRACTAL_SECRET_KEY"]);
        Assert.Equal("[parameters('vaultReferences').rabbitMq]", (string?)settings["RabbitMQConnection"]);
    }

    [Fact]
    public void KeyVaultReferences_PointAtVaultSecrets()
    {
        var vault = Assert.Single(_template.Templates, t => t["outputs"]?["references"] is not null);
        var references = vault["outputs"]!["references"]!["value"]!.AsObject();

        Assert.All(references, r => Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", (string?)r.Value, StringComparison.Ordinal));
        Assert.Equal(2, _template.OfType("Microsoft.KeyVault/vaults/secrets").Count);
        Assert.True((bool?)Assert.Single(_template.OfType("Microsoft.KeyVault/vaults"))["properties"]!["enableRbacAuthorization"]);
    }

    [Fact]
    public void AppSettings_ReachStorageByTheUserAssignedIdentity()
    {
        var settings = AppSettings();

        Assert.Equal("[parameters('storageAccountName')]", (string?)settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void RoleAssignments_GrantTheIdentityDataStorageKeyVaultAndMetrics()
    {
        var assignments = _template.OfType("Microsoft.Authorization/roleAssignments");
        var storage = Assert.Single(assignments, a => ((string?)a["scope"])!.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        var dataRoles = Assert.Single(_template.Templates, t => t["variables"]?["dataRoles"] is not null)["variables"]!["dataRoles"]!.AsObject();

        Assert.Equal(new[] { BlobDataContributor, QueueDataContributor, TableDataContributor }.Order(), dataRoles.Select(r => (string?)r.Value).Order());
        Assert.Contains("dataRoles", (string?)storage["copy"]!["count"], StringComparison.Ordinal);
        Assert.Contains(assignments, a => ((string?)a["scope"])!.Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal));
        Assert.Contains(assignments, a => ((string?)a["scope"])!.Contains("Microsoft.Insights/components", StringComparison.Ordinal));
        Assert.Contains(KeyVaultSecretsUser, _template.Text, StringComparison.Ordinal);
        Assert.Contains(MonitoringMetricsPublisher, _template.Text, StringComparison.Ordinal);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
    }

    [Fact]
    public void Plan_IsFlexConsumption()
    {
        var plan = Assert.Single(_template.OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolatedOnTheAppsTargetFromTheDeploymentContainer()
    {
        var config = Assert.Single(_template.OfType("Microsoft.Web/sites"))["properties"]!["functionAppConfig"]!;
        var dotnet = (string?)_template.Root["parameters"]!["dotnetVersion"]!["defaultValue"];
        var target = Regex.Match(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "Directory.Build.props")), "<TargetFramework>net(\\d+\\.\\d+)</TargetFramework>").Groups[1].Value;

        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal(target, dotnet);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)config["scaleAndConcurrency"]!["instanceMemoryMB"]);
        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)config["scaleAndConcurrency"]!["maximumInstanceCount"]);
    }

    [Fact]
    public void FunctionApp_AllowsThePortalOriginsWithCredentials()
    {
        var cors = Assert.Single(_template.OfType("Microsoft.Web/sites"))["properties"]!["siteConfig"]!["cors"]!;

        Assert.Equal("[parameters('corsAllowedOrigins')]", (string?)cors["allowedOrigins"]);
        Assert.True((bool?)cors["supportCredentials"]);
        Assert.Equal("array", (string?)_template.Root["parameters"]!["corsAllowedOrigins"]!["type"]);
    }

    [Fact]
    public void Storage_IsStorageV2WithTls12AndNoSharedKeyOrPublicBlobs()
    {
        var storage = Assert.Single(_template.OfType("Microsoft.Storage/storageAccounts"));
        var properties = storage["properties"]!;

        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.False((bool?)properties["allowSharedKeyAccess"]);
        Assert.False((bool?)properties["allowBlobPublicAccess"]);
    }

    [Fact]
    public void ApplicationInsights_AcceptsOnlyEntraIdTelemetryIntoLogAnalytics()
    {
        var component = Assert.Single(_template.OfType("Microsoft.Insights/components"));

        Assert.True((bool?)component["properties"]!["DisableLocalAuth"]);
        Assert.NotNull(component["properties"]!["WorkspaceResourceId"]);
        Assert.Single(_template.OfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void DurablePartitionCount_IsBoundedBySixteen()
    {
        var partitions = _template.Root["parameters"]!["durablePartitionCount"]!;

        Assert.Equal(16, (int?)partitions["maxValue"]);
        Assert.Contains(AppSettings(), s => s.Key.Contains("storageProvider__partitionCount", StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_GiveTheBaseUrlAndTheStatusQueryBase()
    {
        var outputs = _template.Root["outputs"]!.AsObject();

        Assert.StartsWith("[format('https://{0}'", (string?)outputs["baseUrl"]!["value"], StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/durabletask/instances", (string?)outputs["statusQueryBaseUrl"]!["value"], StringComparison.Ordinal);
    }

    private JsonObject AppSettings() =>
        Assert.Single(_template.OfType("Microsoft.Web/sites/config"), c => ((string?)c["name"])!.Contains("appsettings", StringComparison.Ordinal))["properties"]!.AsObject();

    [GeneratedRegex("(?i)secret|password|rabbitmquri")]
    private static partial Regex SecretName();

    [GeneratedRegex("parameters\\('(?i:[^']*(secret|password|rabbitmquri))")]
    private static partial Regex SecretParameterUse();

    [GeneratedRegex("(?i)AccountKey=|SharedAccessKey|Password=|InstrumentationKey=|amqps?://")]
    private static partial Regex KeyMaterial();
}
