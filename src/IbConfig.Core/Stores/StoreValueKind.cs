namespace IbConfig.Core.Stores;

/// <summary>How a store writes one kind of value (each store has its own booleans and clock times).</summary>
internal enum StoreValueKind
{
    /// <summary><c>true</c>/<c>false</c> (jts.ini, profile XML).</summary>
    Bool,

    /// <summary><c>yes</c>/<c>no</c> (IBC).</summary>
    YesNo,

    Port,

    /// <summary>0 or more (IBC's CommandServerPort: 0 turns the command server off).</summary>
    Count,

    /// <summary>0–9999; the profile XML's <c>-1</c> means "no master client".</summary>
    MasterClientId,

    /// <summary><c>11:59,PM</c> (profile XML).</summary>
    ProfileTime,

    /// <summary><c>11:55 PM</c> (IBC's AutoRestartTime / AutoLogoffTime).</summary>
    IbcTime,

    /// <summary><c>07:05</c> on a 24-hour clock (IBC's ColdRestartTime).</summary>
    ClockTime,

    /// <summary><c>live</c>/<c>paper</c> (IBC).</summary>
    TradingMode,

    /// <summary>A comma list of IP addresses.</summary>
    AddressList,

    /// <summary>Free text, kept as written.</summary>
    Text,
}
