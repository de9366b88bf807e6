using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Fractal.Etl.Handlers.Json;

/// <summary>Streams the records of a JSON array or of NDJSON, never holding the whole text.</summary>
internal static class JsonRecordStream
{
    private const int PeekBytes = 4096;

    public static async IAsyncEnumerable<JsonElement> ReadAsync(Stream stream, string format, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var head = new byte[PeekBytes];
        var count = await FillAsync(stream, head, cancellationToken);
        var start = head.AsSpan(0, count).StartsWith("\uFEFF"u8) ? 3 : 0;
        var first = head.AsSpan(start, count - start).IndexOfAnyExcept(" \t\r\n"u8);
        var isArray = format == "array" || (format == "auto" && first >= 0 && head[start + first] == (byte)'[');
        await using var replay = new ReplayStream(head.AsMemory(start, count - start), stream);
        var records = isArray ? ReadArrayAsync(replay, cancellationToken) : ReadLinesAsync(replay, cancellationToken);
        await using var enumerator = records.GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(enumerator, cancellationToken))
        {
            yield return enumerator.Current;
        }
    }

    private static async IAsyncEnumerable<JsonElement> ReadArrayAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken))
        {
            yield return element;
        }
    }

    private static async IAsyncEnumerable<JsonElement> ReadLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = TextSource.CreateStrictReader(stream);
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement element;
            try
            {
                using var document = JsonDocument.Parse(text);
                element = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new EtlDataException(string.Create(CultureInfo.InvariantCulture, $"line {line} is not JSON"), null, exception);
            }

            yield return element;
        }
    }

    private static async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<JsonElement> enumerator, CancellationToken cancellationToken)
    {
        try
        {
            return await enumerator.MoveNextAsync();
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" near line {line + 1}") : string.Empty;
            throw new EtlDataException($"the text is not valid JSON{where} (or not UTF-8)", null, exception);
        }
        catch (Exception exception) when (TextSource.MapReadFailure(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (Exception exception) when (TextSource.MapReadFailure(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        return total;
    }
}
