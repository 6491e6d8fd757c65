using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Protocol;

/// <summary>
/// Passes reads and writes through and counts the bytes received, so a time-out can tell "no reply at all" (TWS's accept
/// dialog) from "a few bytes, then nothing" (a slow drip or a stalled non-API service).
/// </summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _prefix = new byte[4];
    private long _bytesRead;

    public CountingStream(Stream inner) => _inner = inner;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>The first (up to 4) bytes received: enough to recognise a TLS record or a text protocol afterwards.</summary>
    public byte[] Prefix
    {
        get
        {
            var copy = new byte[(int)Math.Min(BytesRead, _prefix.Length)];
            Array.Copy(_prefix, copy, copy.Length);
            return copy;
        }
    }

    public override bool CanRead => _inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => _inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer, offset, _inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(buffer, offset, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    private int Count(byte[] buffer, int offset, int read)
    {
        var before = BytesRead;
        for (var i = 0; i < read && before + i < _prefix.Length; i++) _prefix[before + i] = buffer[offset + i];
        Interlocked.Add(ref _bytesRead, read);
        return read;
    }
}
