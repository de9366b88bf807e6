using System.Text.RegularExpressions;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>limma's contrast columns as Fractal names them (<c>s3-s1</c>) and as Fractalis' R code names them.</summary>
internal static partial class LimmaContrastNames
{
    /// <summary>Whether <paramref name="column"/> names a native contrast of two subsets (such as <c>s3-s1</c>).</summary>
    public static bool IsNative(string column) => NativeContrast().IsMatch(column);

    /// <summary>
    /// The column R's <c>topTable</c> gives Fractalis' contrast <c>group i - group j</c> (<c>data.frame</c> turns the
    /// minus into a dot): <c>group3.group1</c> for native <c>s3-s1</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The name is not a native contrast <c>s{i}-s{j}</c>.</exception>
    public static string ToFractalis(string? native)
    {
        var match = native is null ? Match.Empty : NativeContrast().Match(native);
        if (!match.Success)
        {
            throw new InvalidOperationException($"'{native}' is not a contrast of two subsets such as s3-s1.");
        }

        return $"group{match.Groups["minuend"].Value}.group{match.Groups["subtrahend"].Value}";
    }

    [GeneratedRegex("^s(?<minuend>[0-9]+)-s(?<subtrahend>[0-9]+)$")]
    private static partial Regex NativeContrast();
}
