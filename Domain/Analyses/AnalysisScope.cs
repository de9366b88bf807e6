using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses;

/// <summary>
/// The common arguments of every analysis, as Fractalis applies them: <c>id_filter</c> keeps only the
/// listed ids (empty keeps all); <c>subsets</c> are lists of ids (empty is one subset of all ids),
/// labelled <c>s1</c>, <c>s2</c>, … and an id in several subsets counts in each; <c>categories</c> are
/// categorical datasets whose values, joined with <c>" AND "</c> in argument order and skipping missing
/// ones, name the group of an id (no categories is one group named <c>""</c>).
/// </summary>
/// <remarks>
/// An id that has no row in any category dataset has no group (Fractalis gives it a missing category,
/// which its group-by leaves out); an id that has rows but only missing values falls in the group <c>""</c>.
/// </remarks>
public sealed class AnalysisScope
{
    /// <summary>The separator Fractalis puts between the values of several categories.</summary>
    public const string CategorySeparator = " AND ";

    private readonly HashSet<string>? _idFilter;
    private readonly List<HashSet<string>> _subsets;
    private readonly Dictionary<string, string>? _categoryById;

    /// <summary>A scope of all ids in one subset and one group.</summary>
    public AnalysisScope()
        : this(null, null, null)
    {
    }

    /// <summary>Builds a scope; null or empty arguments mean "all ids", "one subset", "one group".</summary>
    /// <exception cref="AnalysisArgumentException">A category dataset is not categorical.</exception>
    public AnalysisScope(
        IEnumerable<string>? idFilter,
        IEnumerable<IEnumerable<string>>? subsets,
        IEnumerable<DatasetTable>? categories)
    {
        var filter = idFilter?.ToHashSet(StringComparer.Ordinal);
        _idFilter = filter is { Count: > 0 } ? filter : null;
        _subsets = subsets?.Select(subset => subset.ToHashSet(StringComparer.Ordinal)).ToList() ?? [];
        var tables = categories?.ToList() ?? [];
        _categoryById = tables.Count == 0 ? null : JoinCategories(tables);
    }

    /// <summary>The number of subsets: those given, or one when none were.</summary>
    public int SubsetCount => Math.Max(1, _subsets.Count);

    /// <summary>The label of the subset at <paramref name="index"/> (zero-based): <c>s1</c>, <c>s2</c>, ….</summary>
    public static string SubsetLabel(int index) => $"s{index + 1}";

    /// <summary>Whether the id filter keeps <paramref name="id"/>.</summary>
    public bool Keeps(string id) => _idFilter is null || _idFilter.Contains(id);

    /// <summary>The group of <paramref name="id"/>; <c>""</c> without categories; null when no category dataset has the id.</summary>
    public string? CategoryOf(string id)
    {
        if (_categoryById is null)
        {
            return string.Empty;
        }

        return _categoryById.TryGetValue(id, out var category) ? category : null;
    }

    /// <summary>
    /// Applies the id filter, subsets and categories to <paramref name="ids"/> (duplicates count once):
    /// one entry per (id, subset it belongs to), subset by subset, each in the order of <paramref name="ids"/>.
    /// </summary>
    /// <exception cref="AnalysisArgumentException">No id is left in any subset.</exception>
    public IReadOnlyList<ScopedId> Apply(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var kept = ids.Distinct(StringComparer.Ordinal).Where(Keeps).ToList();
        var scoped = new List<ScopedId>();
        for (var subset = 0; subset < SubsetCount; subset++)
        {
            foreach (var id in kept)
            {
                if (_subsets.Count == 0 || _subsets[subset].Contains(id))
                {
                    scoped.Add(new ScopedId(id, subset, CategoryOf(id)));
                }
            }
        }

        if (scoped.Count == 0)
        {
            throw new AnalysisArgumentException("subsets", "No data match the given id filter and subsets.");
        }

        return scoped;
    }

    /// <summary>
    /// Splits scoped ids into (category, subset) groups: categories in order of first appearance, and
    /// within each, subsets in ascending order. Ids without a category are left out.
    /// </summary>
    public static IReadOnlyList<AnalysisGroup> Group(IEnumerable<ScopedId> scoped)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        var categoryOrder = new List<string>();
        var members = new Dictionary<(string Category, int Subset), List<string>>();
        foreach (var entry in scoped)
        {
            if (entry.Category is not { } category)
            {
                continue;
            }

            if (!members.TryGetValue((category, entry.Subset), out var ids))
            {
                if (!categoryOrder.Contains(category, StringComparer.Ordinal))
                {
                    categoryOrder.Add(category);
                }

                ids = [];
                members.Add((category, entry.Subset), ids);
            }

            ids.Add(entry.Id);
        }

        return [.. members
            .OrderBy(pair => categoryOrder.IndexOf(pair.Key.Category))
            .ThenBy(pair => pair.Key.Subset)
            .Select(pair => new AnalysisGroup(pair.Key.Category, pair.Key.Subset, pair.Value))];
    }

    private static Dictionary<string, string> JoinCategories(List<DatasetTable> tables)
    {
        var valuesById = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        for (var table = 0; table < tables.Count; table++)
        {
            if (tables[table].DataType != DataType.Categorical)
            {
                throw new AnalysisArgumentException(
                    "categories", $"categories[{table}] is {tables[table].DataType.ToName()}; a category must be categorical.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var row = 0; row < tables[table].RowCount; row++)
            {
                var id = tables[table].Ids[row];
                if (!seen.Add(id))
                {
                    continue;
                }

                if (!valuesById.TryGetValue(id, out var values))
                {
                    values = new string?[tables.Count];
                    valuesById.Add(id, values);
                }

                values[table] = tables[table].Labels[row];
            }
        }

        return valuesById.ToDictionary(
            pair => pair.Key,
            pair => string.Join(CategorySeparator, pair.Value.Where(value => !string.IsNullOrEmpty(value))),
            StringComparer.Ordinal);
    }
}
