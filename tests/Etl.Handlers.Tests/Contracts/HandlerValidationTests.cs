using System.Text.Json;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Contracts;

public sealed class HandlerValidationTests
{
    private static readonly string[] s_optionNames =
    [
        "data", "upload", "delimiter", "header", "id_column", "format", "seed", "connection", "query", "table", "partition_column",
        "partitions", "index", "time_field", "from", "to", "slices", "page_size", "sort_fields", "auth_scheme", "id_field",
    ];

    public static TheoryData<string> HandlerNames() => [.. TestSettings.Registry().Registered];

    [Theory]
    [MemberData(nameof(HandlerNames))]
    public void Validate_EveryOptionOfTheWrongType_ReportsErrorsWithoutThrowing(string handler)
    {
        var options = s_optionNames.ToDictionary(name => name, _ => (object)new[] { 1 });
        var request = Requests.Parse($$"""{"handler":"{{handler}}","server":"https://source.example.org","descriptors":[{"field":"age","data_type":"numerical"}]}""") with
        {
            Options = JsonSerializer.SerializeToElement(options),
        };

        var errors = TestSettings.Registry().Validate(request);

        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Field)));
    }
}
