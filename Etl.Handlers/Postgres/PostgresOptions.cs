using System.Globalization;
using System.Text.RegularExpressions;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Postgres;

/// <summary>The postgres handler's options, their checks and the SQL text they make.</summary>
internal sealed partial class PostgresOptions
{
    public const string ConnectionOption = "connection";
    public const string QueryOption = "query";
    public const string TableOption = "table";
    public const string IdColumnOption = "id_column";
    public const string PartitionColumnOption = "partition_column";
    public const string PartitionsOption = "partitions";
    public const string DefaultConnection = "PostgresConnection";
    public const int MaxPartitions = 256;

    public PostgresOptions(EtlOptions options)
    {
        Connection = options.GetString(ConnectionOption) ?? DefaultConnection;
        Query = options.GetString(QueryOption);
        Table = options.GetString(TableOption);
        IdColumn = options.GetString(IdColumnOption) ?? "id";
        PartitionColumn = options.GetString(PartitionColumnOption);
        Partitions = (int)options.GetInt64(PartitionsOption, PartitionColumn is null ? 1 : 4);
    }

    public string Connection { get; }

    public string? Query { get; }

    public string? Table { get; }

    public string IdColumn { get; }

    public string? PartitionColumn { get; }

    public int Partitions { get; }

    /// <summary>The rows to read from: the table, or the query as a subquery.</summary>
    public string Source => Table is not null
        ? string.Join('.', Table.Split('.').Select(Quote))
        : string.Create(CultureInfo.InvariantCulture, $"({Query}) AS fractal_source");

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static void Validate(EtlRequest request, ICollection<FieldError> errors)
    {
        var options = new EtlOptions(request.Options);
        options.CheckString(ConnectionOption, errors);
        options.CheckString(QueryOption, errors);
        options.CheckString(TableOption, errors);
        options.CheckString(IdColumnOption, errors);
        options.CheckString(PartitionColumnOption, errors);
        options.CheckInteger(PartitionsOption, 1, MaxPartitions, errors);
        if (!string.IsNullOrEmpty(request.Server))
        {
            errors.Add(new FieldError("server", "postgres takes its connection from settings, named by 'options.connection'; leave 'server' empty."));
        }

        if (options.GetString(ConnectionOption) is { } connection && !SettingName().IsMatch(connection))
        {
            errors.Add(new FieldError("options.connection", "'options.connection' must name a setting, such as PostgresConnection."));
        }

        var query = options.GetString(QueryOption);
        var table = options.GetString(TableOption);
        if ((query is null) == (table is null))
        {
            errors.Add(new FieldError("options.query", "Send either 'options.query' (a SELECT) or 'options.table'."));
        }
        else if (query is not null && SelectQueryGuard.Check(query) is { } problem)
        {
            errors.Add(new FieldError("options.query", problem));
        }
        else if (table is not null && !TableName().IsMatch(table))
        {
            errors.Add(new FieldError("options.table", "'options.table' must be a table name, such as patients or clinic.patients."));
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_:.\-]{0,127}$")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]{0,62}(\.[A-Za-z_][A-Za-z0-9_$]{0,62})?$")]
    private static partial Regex TableName();
}
