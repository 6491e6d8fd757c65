namespace IbConfig.Core.Ibc;

/// <summary>
/// The commands IBC's command server accepts that IbConfig sends (docs/ib-settings.md, section 3). The wire form is the upper-case
/// name: <c>STOP</c>, <c>RESTART</c>, <c>RECONNECTDATA</c>, <c>RECONNECTACCOUNT</c>.
/// </summary>
public enum IbcCommand
{
    /// <summary>Closes the gateway (IBC exits with it).</summary>
    Stop,

    /// <summary>Restarts the gateway the way its daily auto-restart does (no new login needed within the week).</summary>
    Restart,

    /// <summary>Re-connects the market-data farms (Ctrl+Alt+F in the GUI): the fix for "farm connection is broken".</summary>
    ReconnectData,

    /// <summary>Re-connects to IB's account server (Ctrl+Alt+R in the GUI).</summary>
    ReconnectAccount,
}
