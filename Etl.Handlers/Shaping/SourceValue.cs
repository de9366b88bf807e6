namespace Fractal.Etl.Handlers;

/// <summary>One raw value read from a source: a number, a piece of text, or missing.</summary>
internal readonly record struct SourceValue(SourceValueKind Kind, double Number, string? Text)
{
    public static SourceValue Missing { get; } = new(SourceValueKind.Missing, double.NaN, null);

    public static SourceValue FromNumber(double number) => new(SourceValueKind.Number, number, null);

    public static SourceValue FromText(string? text) => text is null ? Missing : new(SourceValueKind.Text, double.NaN, text);
}
