namespace IbConfig.Core.Ini;

/// <summary>How an ini file's text is encoded; a write keeps it. UTF-16 is what Notepad saves as "Unicode".</summary>
public enum IniTextEncoding
{
    /// <summary>UTF-8 without a byte order mark (IB's own files; also plain ASCII and legacy code pages, byte for byte).</summary>
    Utf8,

    /// <summary>UTF-8 with the EF BB BF byte order mark.</summary>
    Utf8WithBom,

    /// <summary>UTF-16 little-endian with the FF FE byte order mark.</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16 big-endian with the FE FF byte order mark.</summary>
    Utf16BigEndian,
}
