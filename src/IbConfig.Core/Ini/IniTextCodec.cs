using System;
using System.Text;

namespace IbConfig.Core.Ini;

/// <summary>
/// Turns a UTF-16 ini file (with its byte order mark) into the UTF-8 bytes the parser reads, and back, byte for byte:
/// UTF-16 is only taken as such when decoding and re-encoding gives the very same bytes, so nothing can be lost.
/// </summary>
internal static class IniTextCodec
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The encoding a file's bytes declare by their byte order mark (UTF-8 when none).</summary>
    public static IniTextEncoding Detect(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return IniTextEncoding.Utf8WithBom;
        if (bytes.Length >= 2 && bytes.Length % 2 == 0)
        {
            // FF FE 00 00 is UTF-32 LE's mark: not UTF-16, left to be read byte for byte.
            if (bytes[0] == 0xFF && bytes[1] == 0xFE && !(bytes.Length >= 4 && bytes[2] == 0 && bytes[3] == 0)) return IniTextEncoding.Utf16LittleEndian;
            if (bytes[0] == 0xFE && bytes[1] == 0xFF) return IniTextEncoding.Utf16BigEndian;
        }
        return IniTextEncoding.Utf8;
    }

    /// <summary>The UTF-8 bytes (no mark) of a UTF-16 file's text, or null when the UTF-16 is damaged (then it is read byte for byte).</summary>
    public static byte[]? Utf16ToUtf8(byte[] bytes, IniTextEncoding encoding)
    {
        try
        {
            var text = Utf16(encoding).GetString(bytes, 2, bytes.Length - 2);
            return StrictUtf8.GetBytes(text);
        }
        catch (Exception ex) when (ex is DecoderFallbackException or EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 bytes (no mark) written back as the UTF-16 file they came from, mark included.</summary>
    public static byte[] Utf8ToUtf16(byte[] utf8, IniTextEncoding encoding)
    {
        var text = StrictUtf8.GetString(utf8);
        var encoder = Utf16(encoding);
        var result = new byte[2 + encoder.GetByteCount(text)];
        result[0] = encoding == IniTextEncoding.Utf16LittleEndian ? (byte)0xFF : (byte)0xFE;
        result[1] = encoding == IniTextEncoding.Utf16LittleEndian ? (byte)0xFE : (byte)0xFF;
        encoder.GetBytes(text, 0, text.Length, result, 2);
        return result;
    }

    private static Encoding Utf16(IniTextEncoding encoding) => encoding == IniTextEncoding.Utf16BigEndian ? StrictUtf16Be : StrictUtf16Le;
}
