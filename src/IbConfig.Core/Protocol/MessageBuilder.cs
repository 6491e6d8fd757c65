using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace IbConfig.Core.Protocol;

/// <summary>
/// Builds one framed message: a 4-byte big-endian length, then each field as UTF-8 text followed by NUL
/// (docs/tws-protocol.md, "Encoding").
/// </summary>
public sealed class MessageBuilder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly MemoryStream _body = new();

    public MessageBuilder Add(string value)
    {
        if (value.IndexOf('\0') >= 0) throw new ArgumentException("A field cannot contain a NUL byte.", nameof(value));
        var bytes = Utf8.GetBytes(value);
        _body.Write(bytes, 0, bytes.Length);
        _body.WriteByte(0);
        return this;
    }

    public MessageBuilder Add(int value) => Add(value.ToString(CultureInfo.InvariantCulture));

    public MessageBuilder Add(long value) => Add(value.ToString(CultureInfo.InvariantCulture));

    public MessageBuilder Add(bool value) => Add(value ? "1" : "0");

    public MessageBuilder Add(double value) => Add(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The message as bytes on the wire, length prefix included.</summary>
    public byte[] ToFrame()
    {
        var length = (int)_body.Length;
        var frame = new byte[4 + length];
        WriteLength(frame, length);
        Array.Copy(_body.GetBuffer(), 0, frame, 4, length);
        return frame;
    }

    public static void WriteLength(byte[] buffer, int length)
    {
        buffer[0] = (byte)(length >> 24);
        buffer[1] = (byte)(length >> 16);
        buffer[2] = (byte)(length >> 8);
        buffer[3] = (byte)length;
    }
}
