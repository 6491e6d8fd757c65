namespace IbConfig.Core.Network;

/// <summary>Who can reach a listening socket, judged by the address it is bound to.</summary>
public enum ListenerScope
{
    /// <summary>The operating system does not tell (see the listener's Note).</summary>
    Unknown,

    /// <summary>Nothing listens on the port.</summary>
    NotListening,

    /// <summary>Bound to 127.0.0.1 or ::1: only this machine can connect.</summary>
    LoopbackOnly,

    /// <summary>Bound to 0.0.0.0 or ::: every network this machine is on can connect, firewall permitting.</summary>
    AllInterfaces,

    /// <summary>Bound to one of this machine's addresses.</summary>
    Specific,
}
