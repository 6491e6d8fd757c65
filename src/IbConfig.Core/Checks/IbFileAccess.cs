namespace IbConfig.Core.Checks;

/// <summary>What the checks need to know about a file's permissions; null where this platform or user cannot tell.</summary>
public sealed class IbFileAccess
{
    public IbFileAccess(string path, bool exists, bool? writable, bool? readableByOthers, string note)
    {
        Path = path;
        Exists = exists;
        Writable = writable;
        ReadableByOthers = readableByOthers;
        Note = note;
    }

    public string Path { get; }

    public bool Exists { get; }

    /// <summary>Whether this user can open the file for writing (IB saves its settings back on exit).</summary>
    public bool? Writable { get; }

    /// <summary>Whether users other than the owner (and administrators) can read it.</summary>
    public bool? ReadableByOthers { get; }

    /// <summary>How it was judged ("mode -rw-r--r--", "ACL: BUILTIN\Users ReadAndExecute") or why it could not be.</summary>
    public string Note { get; }
}
