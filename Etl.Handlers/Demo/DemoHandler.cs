using System.Runtime.CompilerServices;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers.Demo;

/// <summary>
/// <c>demo</c>: a generated clinical and expression cohort of 500 subjects, the same for the same
/// <c>options.seed</c> (default 42), so every analysis can be tried with no source. Fields: <c>age</c>,
/// <c>bmi</c> (numerical), <c>sex</c>, <c>cohort</c> (categorical), <c>os_months</c> and <c>os_event</c>
/// (a time-to-event pair), <c>g_0001</c> to <c>g_0200</c> (expression; a numerical array by prefix <c>g_</c>) and
/// <c>r_0001</c> to <c>r_0200</c> (read counts, for DESeq2; a numerical array by prefix <c>r_</c>).
/// </summary>
public sealed class DemoHandler : IEtlHandler
{
    public const string HandlerName = "demo";
    public const string SeedOption = "seed";
    public const int DefaultSeed = 42;

    public string Name => HandlerName;

    public string Description => "A seeded 500-subject clinical, expression and read-count cohort; options: seed (default 42).";

    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        new EtlOptions(request.Options).CheckInteger(SeedOption, 0, int.MaxValue, errors);
        for (var i = 0; i < request.Descriptors!.Count; i++)
        {
            try
            {
                DescriptorShape.Resolve(request.Descriptors[i], DemoCohort.Columns);
            }
            catch (EtlDataException exception)
            {
                errors.Add(new FieldError($"descriptors[{i}]", $"{exception.Message}; the demo offers {string.Join(", ", DemoCohort.Columns.Take(7))}, g_0001 to g_0200 and r_0001 to r_0200."));
            }
        }

        return errors;
    }

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        await Task.Yield();
        var seed = (int)partition.Source.OptionValues.GetInt64(SeedOption, DefaultSeed);
        var cohort = DemoCohort.Generate(seed);
        var shape = DescriptorShape.Resolve(partition.Descriptor, DemoCohort.Columns);
        var batcher = new DatasetBatcher(shape, context.Settings.BatchRows);
        var values = new SourceValue[shape.SourceFields.Count];
        for (var subject = 0; subject < cohort.SubjectIds.Count; subject++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = cohort.Value(shape.SourceFields[i], subject);
            }

            batcher.Add(cohort.SubjectIds[subject], values, subject + 1);
            if (batcher.IsFull)
            {
                yield return batcher.TakeBatch();
            }
        }

        if (!batcher.IsEmpty)
        {
            yield return batcher.TakeBatch();
        }
    }
}
