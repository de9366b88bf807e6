namespace Fractal.Etl.Handlers;

/// <summary>
/// A response body that disposes its response with it, and fails as transient when no bytes arrive
/// for <c>idleTimeout</c> (the client's timeout covers only the headers of a streamed response).
/// </summary>
internal sealed class ResponseStream : ForwardOnlyReadStream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly TimeSpan _idleTimeout;

    public ResponseStream(HttpResponseMessage response, Stream body, TimeSpan idleTimeout)
    {
        _response = response;
        _body = body;
        _idleTimeout = idleTimeout;
    }

    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_idleTimeout == Timeout.InfiniteTimeSpan)
        {
            return await _body.ReadAsync(buffer, cancellationToken);
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_idleTimeout);
        try
        {
            return await _body.ReadAsync(buffer, idle.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceTransientException("the source stopped sending", exception);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
