using System;

namespace IbConfig.Core.Settings;

/// <summary>Which of the two jts.ini layouts (docs/ib-settings.md section 1) a file uses.</summary>
[Flags]
public enum JtsIniLayout
{
    /// <summary>Neither: no key IbConfig knows.</summary>
    None = 0,

    /// <summary>The seed guide's <c>s.SocketPort</c>, <c>s.TrustedIPs</c>, <c>[Startup] s.AutoRestartTime</c>... keys.</summary>
    Guide = 1,

    /// <summary>What IB itself writes: <c>[IBGateway] TrustedIPs</c>, <c>ApiOnly</c>, <c>[Logon] tradingMode</c>, <c>[settings]</c>.</summary>
    Real = 2,

    /// <summary>Keys of both layouts.</summary>
    Both = Guide | Real,
}
