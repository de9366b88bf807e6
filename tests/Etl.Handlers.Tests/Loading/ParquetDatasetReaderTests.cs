using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Tests.Loading;

/// <summary>
/// Files under <c>Fixtures/v1</c> were written by the release before readers took their columns from each file's own
/// schema; the layout is unchanged, so they must read back as they were written.
/// </summary>
public sealed class ParquetDatasetReaderTests
{
    private static FileStream Open(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Loading", "Fixtures", "v1", name));

    [Fact]
    public async Task ReadAsync_PreviousReleaseNumerical_ReadsValuesWithNaN()
    {
        await using var file = Open("numerical.parquet");

        var table = await ParquetDatasetReader.ReadAsync(file);

        Assert.Equal(DataType.Numerical, table.DataType);
        Assert.Equal(["s1", "s2", "s3"], table.Ids);
        Assert.Equal([61.5, double.NaN, 47], table.Numbers);
    }

    [Fact]
    public async Task ReadAsync_PreviousReleaseCategoricalOverTwoRowGroups_ReadsLabelsWithNull()
    {
        await using var file = Open("categorical.parquet");

        var table = await ParquetDatasetReader.ReadAsync(file);

        Assert.Equal(DataType.Categorical, table.DataType);
        Assert.Equal(["s1", "s2", "s3", "s4"], table.Ids);
        Assert.Equal(["female", null, "male", "female"], table.Labels);
    }

    [Fact]
    public async Task ReadAsync_PreviousReleaseNumericalArray_ReadsFeatures()
    {
        await using var file = Open("numerical_array.parquet");

        var table = await ParquetDatasetReader.ReadAsync(file);

        Assert.Equal(DataType.NumericalArray, table.DataType);
        Assert.Equal(["g1", "g2", "g1", "g2"], table.Features);
        Assert.Equal([0.25, -1.5, double.NaN, 3], table.Numbers);
    }

    [Fact]
    public async Task ReadAsync_PreviousReleaseTimeToEvent_ReadsTimesAndEvents()
    {
        await using var file = Open("time_to_event.parquet");

        var table = await ParquetDatasetReader.ReadAsync(file);

        Assert.Equal(DataType.TimeToEvent, table.DataType);
        Assert.Equal(["time", "event", "time", "event"], table.Features);
        Assert.Equal([12.5, 1, 30, 0], table.Numbers);
    }

    [Fact]
    public async Task ReadInfoAsync_PreviousReleaseCategorical_CountsRowsFromFooter()
    {
        await using var file = Open("categorical.parquet");

        var (dataType, rows) = await ParquetDatasetReader.ReadInfoAsync(file);

        Assert.Equal(DataType.Categorical, dataType);
        Assert.Equal(4, rows);
    }

    [Fact]
    public async Task ReadAsync_FileWithoutFractalColumns_ThrowsNamingTheColumn()
    {
        using var buffer = new MemoryStream();
        var field = new Parquet.Schema.DataField<string>("other");
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(field), buffer))
        {
            writer.CustomMetadata = new Dictionary<string, string> { ["fractal.data_type"] = "numerical" };
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(field, (IReadOnlyCollection<string>)["x"]);
        }

        buffer.Position = 0;
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ParquetDatasetReader.ReadAsync(buffer));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }
}
