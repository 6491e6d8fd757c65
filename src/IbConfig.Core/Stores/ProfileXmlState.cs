namespace IbConfig.Core.Stores;

/// <summary>Whether IbConfig can read (and so may write) a profile XML file.</summary>
public enum ProfileXmlState
{
    /// <summary>Well-formed XML: readable and writable.</summary>
    Readable,

    /// <summary>Not XML at all: recent IB builds encrypt the profile settings (docs/ib-settings.md, section 2).</summary>
    Encrypted,

    /// <summary>Looks like XML but is not well-formed (truncated or damaged): never written.</summary>
    Malformed,

    /// <summary>The file could not be read from disk (permissions, a lock): nothing is known about its content.</summary>
    Unreadable,
}
