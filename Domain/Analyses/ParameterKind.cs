using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses;

/// <summary>What an analysis argument holds, under the names the catalog serves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    /// <summary>One dataset id.</summary>
    [JsonStringEnumMemberName("dataset")]
    Dataset,

    /// <summary>A list of dataset ids.</summary>
    [JsonStringEnumMemberName("dataset_list")]
    DatasetList,

    /// <summary>A list of sample ids.</summary>
    [JsonStringEnumMemberName("id_list")]
    IdList,

    /// <summary>A list of lists of sample ids.</summary>
    [JsonStringEnumMemberName("id_lists")]
    IdLists,

    /// <summary>A string, often one of a fixed set.</summary>
    [JsonStringEnumMemberName("string")]
    Text,

    /// <summary>A whole number.</summary>
    [JsonStringEnumMemberName("integer")]
    WholeNumber,

    /// <summary>A real number.</summary>
    [JsonStringEnumMemberName("number")]
    Number,

    /// <summary>True or false.</summary>
    [JsonStringEnumMemberName("boolean")]
    Boolean,

    /// <summary>A JSON object of named options.</summary>
    [JsonStringEnumMemberName("object")]
    Options,

    /// <summary>A JSON object mapping names to dataset ids.</summary>
    [JsonStringEnumMemberName("dataset_map")]
    DatasetMap,
}
