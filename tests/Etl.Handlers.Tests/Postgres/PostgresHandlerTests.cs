using Fractal.Etl.Handlers.Postgres;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Postgres;

public sealed class PostgresHandlerTests(PostgresFixture database) : IClassFixture<PostgresFixture>
{
    private const string Setting = "TestPostgres";

    private readonly PostgresHandler _handler = new();

    private EtlExtractContext Context(string? connectionString = null) =>
        new(TestSettings.Create()) { ReadSetting = name => name == Setting ? connectionString ?? database.ConnectionString : null };

    [Fact]
    public async Task Load_MillionRowTableInPartitions_CountsEveryRowExactly()
    {
        var source = Requests.Source("postgres", new { connection = Setting, table = $"{database.Schema}.big", partition_column = "id", partitions = 4 });

        var (parquet, summary, partitions) = await EtlRun.LoadAsync(_handler, source, Requests.Numerical("value"), Context());
        var info = await ParquetDatasetReader.ReadInfoAsync(new MemoryStream(parquet));

        Assert.Equal(4, partitions);
        Assert.Equal(PostgresFixture.BigRowCount, summary.RowCount);
        Assert.Equal(PostgresFixture.BigRowCount, info.RowCount);
    }

    [Fact]
    public async Task Extract_PartitionsOfATable_CoverEachKeyOnce()
    {
        var source = Requests.Source("postgres", new { connection = Setting, query = $"SELECT id, value FROM {database.Schema}.big WHERE id <= 1000", partition_column = "id", partitions = 3 });

        var table = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("value"), Context());

        Assert.Equal(1000, table.Ids.Distinct().Count());
        Assert.Equal(1000, table.RowCount);
    }

    [Fact]
    public async Task Extract_TableColumns_AreTypedWithNullsMissing()
    {
        var source = Requests.Source("postgres", new { connection = Setting, table = $"{database.Schema}.patients" });

        var ages = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("age"), Context());
        var sexes = await EtlRun.ExtractAsync(_handler, source, Requests.Categorical("sex"), Context());
        var survival = await EtlRun.ExtractAsync(_handler, source, Requests.Survival("months", "died"), Context());

        Assert.Equal([61.5, double.NaN, 47], ages.Numbers);
        Assert.Equal(["female", "male", null], sexes.Labels);
        Assert.Equal([12.5, 1, 30, 0, 8.25, 1], survival.Numbers);
    }

    [Fact]
    public async Task Plan_UnknownColumn_FailsNamingIt()
    {
        var source = Requests.Source("postgres", new { connection = Setting, table = $"{database.Schema}.patients" });

        var error = await Assert.ThrowsAsync<EtlDataException>(
            () => _handler.PlanAsync(source, Requests.Numerical("xyz"), Context(), CancellationToken.None));

        Assert.Equal("unknown column 'xyz'", error.Message);
    }

    [Fact]
    public async Task Extract_QueryThatWrites_IsStoppedByTheReadOnlyTransaction()
    {
        var source = Requests.Source("postgres", new { connection = Setting, query = $"SELECT 'x' AS id, nextval('{database.Schema}.counter') AS n" });

        var error = await Assert.ThrowsAsync<SourceFailedException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Numerical("n"), Context()));

        Assert.Contains("read only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_WrongPassword_IsRefusedWithoutShowingIt()
    {
        const string password = "not-the-password-9137";
        var connection = $"Host=127.0.0.1;Port=5432;Username=fractal;Password={password};Database=fractal";
        var source = Requests.Source("postgres", new { connection = Setting, table = $"{database.Schema}.patients" });

        var error = await Assert.ThrowsAsync<SourceRefusedCredentialsException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Numerical("age"), Context(connection)));

        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_UnsetConnectionSetting_NamesTheSettingOnly()
    {
        var source = Requests.Source("postgres", new { connection = "Missing", table = $"{database.Schema}.patients" });

        var error = await Assert.ThrowsAsync<SourceFailedException>(
            () => EtlRun.ExtractAsync(_handler, source, Requests.Numerical("age"), Context()));

        Assert.Equal("the connection setting 'Missing' is not configured", error.Message);
    }

    [Fact]
    public async Task Plan_FromAConnectionStringWithAPlantedSecret_LeavesItOutOfThePartitions()
    {
        const string planted = "planted-app-4d1c";
        var source = Requests.Source("postgres", new { connection = Setting, table = $"{database.Schema}.big", partition_column = "id" });

        var partitions = await _handler.PlanAsync(source, Requests.Numerical("value"), Context($"{database.ConnectionString};Application Name={planted}"), CancellationToken.None);
        var json = System.Text.Json.JsonSerializer.Serialize(partitions);

        Assert.Equal(4, partitions.Count);
        Assert.DoesNotContain(planted, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("DELETE FROM patients")]
    [InlineData("SELECT 1; DROP TABLE patients")]
    [InlineData("SELECT * INTO copy FROM patients")]
    [InlineData("SELECT * FROM patients FOR UPDATE")]
    [InlineData("WITH gone AS (DELETE FROM patients RETURNING *) SELECT * FROM gone")]
    public void Validate_QueryThatIsNotAPlainSelect_NamesOptionsQuery(string query)
    {
        var request = Requests.Parse("""{"handler":"postgres","descriptors":[{"field":"a","data_type":"numerical"}]}""") with
        {
            Options = Requests.Options(new { query }),
        };

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("options.query", error.Field);
    }

    [Fact]
    public void Validate_ServerSent_IsRejectedBecauseConnectionsComeFromSettings()
    {
        var request = Requests.Parse("""{"handler":"postgres","server":"Host=evil","descriptors":[],"options":{"table":"t"}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("server", error.Field);
    }
}
