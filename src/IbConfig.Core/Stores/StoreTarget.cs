namespace IbConfig.Core.Stores;

/// <summary>Which stores a write goes to (<c>-Target</c>).</summary>
public enum StoreTarget
{
    /// <summary>Every store that exists and currently decides the setting (jts.ini alone when none does).</summary>
    Governing,

    JtsIni,

    ProfileXml,

    Ibc,

    /// <summary>Every store that exists and has a place for the setting.</summary>
    All,
}
