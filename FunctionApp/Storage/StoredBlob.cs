namespace Fractal.FunctionApp.Storage;

/// <summary>A blob's whole content and the version it had when read (its ETag), for a conditional replace.</summary>
public sealed record StoredBlob(byte[] Content, string Version);
