using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Protocol;

/// <summary>
/// Reads length-prefixed TWS API frames from a stream with a hard cap on frame size: an over-long length is rejected
/// before anything is allocated for it. Cancellation closes the stream, because NetworkStream on .NET Framework ignores
/// the token of a pending read — a cancelled reader is finished.
/// </summary>
public sealed class FrameReader
{
    /// <summary>Default cap: far below @stoqey/ib's 16 MiB and far above any message IbConfig uses.</summary>
    public const int DefaultMaxFrameLength = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(false, throwOnInvalidBytes: false);
    private readonly Stream _stream;
    private readonly byte[] _header = new byte[4];

    public FrameReader(Stream stream, int maxFrameLength = DefaultMaxFrameLength)
    {
        if (maxFrameLength <= 0) throw new ArgumentOutOfRangeException(nameof(maxFrameLength));
        _stream = stream;
        MaxFrameLength = maxFrameLength;
    }

    public int MaxFrameLength { get; }

    /// <summary>Reads one frame and splits it into its NUL-terminated fields.</summary>
    public async Task<TwsMessage> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var payload = await ReadFramePayloadAsync(cancellationToken).ConfigureAwait(false);
        return new TwsMessage(SplitFields(payload));
    }

    /// <summary>Reads one frame's payload (the bytes after the length).</summary>
    public async Task<byte[]> ReadFramePayloadAsync(CancellationToken cancellationToken)
    {
        await ReadExactlyAsync(_header, 4, cancellationToken).ConfigureAwait(false);
        if (LooksLikeAnotherProtocol(_header, out var what))
            throw new TwsProtocolException(ProtocolFailure.NotTwsApi, $"The peer sent {what}, not a TWS API frame: this port is not an IB API socket.");
        var length = (_header[0] << 24) | (_header[1] << 16) | (_header[2] << 8) | _header[3];
        if (length == 0) throw new TwsProtocolException(ProtocolFailure.Malformed, "The peer sent a frame of length zero.");
        if (length < 0 || length > MaxFrameLength)
            throw new TwsProtocolException(ProtocolFailure.FrameTooLarge, $"The peer announced a frame of {(uint)length} bytes; the limit is {MaxFrameLength}.");
        var payload = new byte[length];
        await ReadExactlyAsync(payload, length, cancellationToken).ConfigureAwait(false);
        return payload;
    }

    /// <summary>Fills <paramref name="buffer"/> with exactly <paramref name="count"/> bytes or throws (closed, cancelled).</summary>
    public async Task ReadExactlyAsync(byte[] buffer, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(static s => ((Stream)s!).Dispose(), _stream);
        var offset = 0;
        try
        {
            while (offset < count)
            {
                var read = await _stream.ReadAsync(buffer, offset, count - offset, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new TwsProtocolException(ProtocolFailure.Closed, offset == 0 && count == 4
                        ? "The peer closed the connection."
                        : $"The peer closed the connection in the middle of a frame ({offset} of {count} bytes).");
                }
                offset += read;
            }
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

    /// <summary>Splits a payload into fields; every field, the last included, must end with NUL.</summary>
    public static IReadOnlyList<string> SplitFields(byte[] payload)
    {
        if (payload.Length == 0 || payload[payload.Length - 1] != 0)
            throw new TwsProtocolException(ProtocolFailure.Malformed, "A frame's last field is not NUL-terminated.");
        var fields = new List<string>();
        var start = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            if (payload[i] != 0) continue;
            fields.Add(Utf8.GetString(payload, start, i - start));
            start = i + 1;
        }
        return fields;
    }

    /// <summary>A TLS handshake (0x16) or alert (0x15) record header, version 3.x.</summary>
    internal static bool IsTlsRecord(byte[] header) => header.Length >= 2 && (header[0] == 0x16 || header[0] == 0x15) && header[1] == 0x03;

    /// <summary>TLS records start 16 03 / 15 03; text protocols (HTTP, SSH) start with printable letters ("GET " has a space:
    /// a length whose first byte is 0x20 would be over 512 MiB, so no real frame looks like that).</summary>
    internal static bool LooksLikeAnotherProtocol(byte[] header, out string what)
    {
        if (IsTlsRecord(header))
        {
            what = "a TLS record";
            return true;
        }
        var printable = true;
        foreach (var b in header) printable &= b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or (byte)'-' or (byte)'/' or (byte)' ';
        what = printable ? $"text ('{Encoding.ASCII.GetString(header)}…', e.g. HTTP or SSH)" : "";
        return printable;
    }
}
