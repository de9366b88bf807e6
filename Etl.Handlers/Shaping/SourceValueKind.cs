namespace Fractal.Etl.Handlers;

internal enum SourceValueKind
{
    Missing,
    Number,
    Text,
}
