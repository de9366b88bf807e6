namespace Fractal.LocalHost.Durable;

/// <summary>
/// An orchestration's input kept as the JSON it was stored as: Functions-style orchestrators choose its type inside
/// the body (<c>context.GetInput&lt;T&gt;()</c>), so it is deserialized only then.
/// </summary>
/// <param name="Json">The serialized input, or <see langword="null"/> when there is none.</param>
internal sealed record RawOrchestrationInput(string? Json);
