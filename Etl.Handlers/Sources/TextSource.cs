using System.Text;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The three places a csv or json file can come from: inline <c>options.data</c>, an uploaded blob
/// named by <c>options.upload</c>, or an <c>http(s)</c> URL in <c>server</c>; and strict UTF-8 decoding.
/// </summary>
internal static class TextSource
{
    public const string DataOption = "data";
    public const string UploadOption = "upload";

    /// <summary>Adds an error unless exactly one source is named.</summary>
    public static void Validate(EtlRequest request, ICollection<FieldError> errors)
    {
        var options = new EtlOptions(request.Options);
        options.CheckString(DataOption, errors);
        options.CheckString(UploadOption, errors);
        var named = (options.Has(DataOption) ? 1 : 0) + (options.Has(UploadOption) ? 1 : 0) + (string.IsNullOrWhiteSpace(request.Server) ? 0 : 1);
        if (named != 1)
        {
            errors.Add(new FieldError("server", "Name exactly one source: 'options.data' (inline text), 'options.upload' (an uploaded file) or 'server' (an http or https URL)."));
            return;
        }

        if (options.GetString(UploadOption) is { } upload && (upload.Length > 200 || !upload.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || upload.Contains("..", StringComparison.Ordinal)))
        {
            errors.Add(new FieldError("options.upload", "'options.upload' must be an upload id: letters, digits, '-', '_' and '.', without '..'."));
        }

        if (!string.IsNullOrWhiteSpace(request.Server) && SourceHttp.CheckUrl(request.Server) is { } problem)
        {
            errors.Add(new FieldError("server", problem));
        }
    }

    public static async Task<Stream> OpenAsync(EtlPartition partition, EtlExtractContext context, CancellationToken cancellationToken)
    {
        var options = partition.Source.OptionValues;
        if (options.GetString(DataOption) is { } data)
        {
            return new MemoryStream(Encoding.UTF8.GetBytes(data), writable: false);
        }

        if (options.GetString(UploadOption) is { } upload)
        {
            var open = context.OpenUpload ?? throw new SourceFailedException("uploaded files cannot be read here");
            return await open(upload, cancellationToken);
        }

        var server = partition.Source.Server;
        if (SourceHttp.CheckUrl(server) is { } problem)
        {
            throw new SourceFailedException(problem);
        }

        return await SourceHttp.OpenReadAsync(context, server!, cancellationToken);
    }

    /// <summary>A reader that strips a UTF-8 BOM and throws on any byte sequence that is not UTF-8.</summary>
    public static StreamReader CreateStrictReader(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);

    /// <summary>Maps a failure while reading the body to the typed errors, or null to let it pass.</summary>
    public static EtlException? MapReadFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        EtlException => null,
        DecoderFallbackException decoding => new EtlDataException("the file is not UTF-8 text", null, decoding),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new SourceTransientException("the source timed out while sending", exception),
        IOException or HttpRequestException => new SourceTransientException("the source stopped sending", exception),
        _ => null,
    };
}
