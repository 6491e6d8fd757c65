using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Protocol;

/// <summary>
/// Reads length-prefixed TWS API frames from a stream with a hard cap on frame size: an over-long length is rejected
/// before anything is allocated for it. Reads are buffered: one read from the stream usually brings several frames (a
/// welcome is five), so a frame costs one system call or none. Everything read from the stream must therefore go through
/// this reader. Cancellation closes the stream, because NetworkStream on .NET Framework ignores the token of a pending
/// read — a cancelled reader is finished.
/// </summary>
public sealed class FrameReader
{
    /// <summary>Default cap: far below @stoqey/ib's 16 MiB and far above any message IbConfig uses.</summary>
    public const int DefaultMaxFrameLength = 1 << 20;

    /// <summary>The buffer starts small (a request is a few dozen bytes) and doubles for a frame that does not fit, up to
    /// <see cref="MaxBufferSize"/>; a longer frame is read into its own array. Memory per connection stays small and bounded.</summary>
    private const int InitialBufferSize = 512;

    private const int MaxBufferSize = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(false, throwOnInvalidBytes: false);
    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialBufferSize];
    /// <summary>Received bytes not yet handed out are _buffer[_start.._end).</summary>
    private int _start;
    private int _end;

    public FrameReader(Stream stream, int maxFrameLength = DefaultMaxFrameLength)
    {
        if (maxFrameLength <= 0) throw new ArgumentOutOfRangeException(nameof(maxFrameLength));
        _stream = stream;
        MaxFrameLength = maxFrameLength;
    }

    public int MaxFrameLength { get; }

    /// <summary>Reads one frame and splits it into its NUL-terminated fields.</summary>
    public async Task<TwsMessage> ReadMessageAsync(CancellationToken cancellationToken) =>
        await ReadMessageOrEndAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new TwsProtocolException(ProtocolFailure.Closed, "The peer closed the connection.");

    /// <summary>
    /// Reads one frame like <see cref="ReadMessageAsync"/>, but returns null when the peer closed the connection cleanly
    /// between two frames: a server's normal end of a session, not worth an exception.
    /// </summary>
    public async Task<TwsMessage?> ReadMessageOrEndAsync(CancellationToken cancellationToken)
    {
        if (TryReadBufferedMessage(out var buffered)) return buffered;
        if (!await FillAsync(4, cancellationToken, endIsClean: true).ConfigureAwait(false)) return null;
        var length = CheckedLength(MaxFrameLength);
        if (!FitsBuffer(length)) return new TwsMessage(SplitFields(await ReadLongPayloadAsync(length, cancellationToken).ConfigureAwait(false)));
        await FillAsync(4 + length, cancellationToken).ConfigureAwait(false);
        return TakeBufferedMessage(length);
    }

    /// <summary>
    /// Takes the next frame when all of it has arrived already, without touching the stream: lets a caller skip arming a
    /// time-out for a read that cannot wait. Throws as <see cref="ReadMessageAsync"/> does for a bad frame.
    /// </summary>
    public bool TryReadBufferedMessage(out TwsMessage message)
    {
        message = null!;
        if (_end - _start < 4) return false;
        var length = CheckedLength(MaxFrameLength);
        if (_end - _start < 4 + length) return false;
        message = TakeBufferedMessage(length);
        return true;
    }

    /// <summary>Reads one frame's payload (the bytes after the length).</summary>
    public Task<byte[]> ReadFramePayloadAsync(CancellationToken cancellationToken) => ReadFramePayloadAsync(MaxFrameLength, cancellationToken);

    /// <summary>Reads one frame's payload, with a cap of its own for this frame (e.g. a handshake's short version string).</summary>
    public async Task<byte[]> ReadFramePayloadAsync(int maxLength, CancellationToken cancellationToken)
    {
        if (!await FillAsync(4, cancellationToken, endIsClean: true).ConfigureAwait(false))
            throw new TwsProtocolException(ProtocolFailure.Closed, "The peer closed the connection.");
        var length = CheckedLength(Math.Min(maxLength, MaxFrameLength));
        if (!FitsBuffer(length)) return await ReadLongPayloadAsync(length, cancellationToken).ConfigureAwait(false);
        await FillAsync(4 + length, cancellationToken).ConfigureAwait(false);
        var payload = new byte[length];
        Array.Copy(_buffer, _start + 4, payload, 0, length);
        Consume(4 + length);
        return payload;
    }

    /// <summary>Fills <paramref name="buffer"/> with exactly <paramref name="count"/> bytes or throws (closed, cancelled).</summary>
    public async Task ReadExactlyAsync(byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var offset = 0;
        while (offset < count)
        {
            // Through the buffer in pieces of at most its size, so a long read is the same code as a short one.
            var piece = Math.Min(count - offset, _buffer.Length);
            await FillAsync(piece, cancellationToken, partOf: (offset, count)).ConfigureAwait(false);
            Array.Copy(_buffer, _start, buffer, offset, piece);
            Consume(piece);
            offset += piece;
        }
    }

    /// <summary>A frame longer than the buffer: its own array, the buffered start copied in, the rest read straight into it.</summary>
    private async Task<byte[]> ReadLongPayloadAsync(int length, CancellationToken cancellationToken)
    {
        Consume(4);
        var payload = new byte[length];
        await ReadExactlyAsync(payload, length, cancellationToken).ConfigureAwait(false);
        return payload;
    }

    /// <summary>The length of the frame at _start (its 4 header bytes have arrived), checked against the cap and other protocols.</summary>
    private int CheckedLength(int maxLength)
    {
        var header = new ArraySegment<byte>(_buffer, _start, 4);
        if (LooksLikeAnotherProtocol(header, out var what))
            throw new TwsProtocolException(ProtocolFailure.NotTwsApi, $"The peer sent {what}, not a TWS API frame: this port is not an IB API socket.");
        var length = (_buffer[_start] << 24) | (_buffer[_start + 1] << 16) | (_buffer[_start + 2] << 8) | _buffer[_start + 3];
        if (length == 0) throw new TwsProtocolException(ProtocolFailure.Malformed, "The peer sent a frame of length zero.");
        if (length < 0 || length > maxLength)
            throw new TwsProtocolException(ProtocolFailure.FrameTooLarge, $"The peer announced a frame of {(uint)length} bytes; the limit is {maxLength}.");
        return length;
    }

    /// <summary>Whether a frame of this payload length can be read whole into the buffer, grown (bytes kept) when it must be.</summary>
    private bool FitsBuffer(int length)
    {
        if (4 + length <= _buffer.Length) return true;
        if (4 + length > MaxBufferSize) return false;
        var size = _buffer.Length;
        while (size < 4 + length) size *= 2;
        var grown = new byte[size];
        Array.Copy(_buffer, _start, grown, 0, _end - _start);
        _end -= _start;
        _start = 0;
        _buffer = grown;
        return true;
    }

    private TwsMessage TakeBufferedMessage(int length)
    {
        var message = new TwsMessage(SplitFields(_buffer, _start + 4, length));
        Consume(4 + length);
        return message;
    }

    private void Consume(int count)
    {
        _start += count;
        if (_start == _end) _start = _end = 0;
    }

    /// <summary>
    /// Reads until at least <paramref name="needed"/> bytes (at most the buffer's size) are buffered. False only when
    /// <paramref name="endIsClean"/> and the peer closed with nothing buffered; a close anywhere else is a truncated frame.
    /// </summary>
    private async Task<bool> FillAsync(int needed, CancellationToken cancellationToken, bool endIsClean = false, (int Offset, int Count)? partOf = null)
    {
        if (_end - _start >= needed) return true;
        cancellationToken.ThrowIfCancellationRequested();
        if (_start + needed > _buffer.Length)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        using var registration = cancellationToken.Register(static s => ((Stream)s!).Dispose(), _stream);
        try
        {
            while (_end - _start < needed)
            {
                var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (endIsClean && _end == _start) return false;
                    throw new TwsProtocolException(ProtocolFailure.Closed, Truncated(partOf));
                }
                _end += read;
            }
            return true;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is ObjectDisposedException or IOException or OperationCanceledException)
        {
            throw new OperationCanceledException("Reading from the peer was cancelled.", ex, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new TwsProtocolException(ProtocolFailure.Closed, $"The connection was reset: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>Where the peer stopped: within a caller's read of known size, or within the frame at _start.</summary>
    private string Truncated((int Offset, int Count)? partOf)
    {
        var available = _end - _start;
        var (got, of) = partOf is { } part ? (part.Offset + available, part.Count)
            : available < 4 ? (available, 4)
            : (available - 4, (_buffer[_start] << 24) | (_buffer[_start + 1] << 16) | (_buffer[_start + 2] << 8) | _buffer[_start + 3]);
        return $"The peer closed the connection in the middle of a frame ({got} of {of} bytes).";
    }

    /// <summary>Splits a payload into fields; every field, the last included, must end with NUL.</summary>
    public static IReadOnlyList<string> SplitFields(byte[] payload) => SplitFields(payload, 0, payload.Length);

    private static IReadOnlyList<string> SplitFields(byte[] bytes, int offset, int length)
    {
        var end = offset + length;
        if (length == 0 || bytes[end - 1] != 0)
            throw new TwsProtocolException(ProtocolFailure.Malformed, "A frame's last field is not NUL-terminated.");
        var fields = new List<string>();
        var start = offset;
        for (var i = offset; i < end; i++)
        {
            if (bytes[i] != 0) continue;
            fields.Add(start == i ? "" : Utf8.GetString(bytes, start, i - start));
            start = i + 1;
        }
        return fields;
    }

    /// <summary>A TLS handshake (0x16) or alert (0x15) record header, version 3.x.</summary>
    internal static bool IsTlsRecord(byte[] header) => IsTlsRecord(new ArraySegment<byte>(header));

    private static bool IsTlsRecord(ArraySegment<byte> header) =>
        header.Count >= 2 && (header.Array![header.Offset] == 0x16 || header.Array[header.Offset] == 0x15) && header.Array[header.Offset + 1] == 0x03;

    /// <summary>TLS records start 16 03 / 15 03; text protocols (HTTP, SSH) start with printable letters ("GET " has a space:
    /// a length whose first byte is 0x20 would be over 512 MiB, so no real frame looks like that).</summary>
    internal static bool LooksLikeAnotherProtocol(byte[] header, out string what) => LooksLikeAnotherProtocol(new ArraySegment<byte>(header), out what);

    private static bool LooksLikeAnotherProtocol(ArraySegment<byte> header, out string what)
    {
        if (IsTlsRecord(header))
        {
            what = "a TLS record";
            return true;
        }
        var printable = true;
        for (var i = header.Offset; i < header.Offset + header.Count; i++) printable &= header.Array![i] is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or (byte)'-' or (byte)'/' or (byte)' ';
        what = printable ? $"text ('{Encoding.ASCII.GetString(header.Array!, header.Offset, header.Count)}…', e.g. HTTP or SSH)" : "";
        return printable;
    }
}
