namespace IbConfig.Core.Simulator;

/// <summary>What a <see cref="SimulatorEvent"/> records.</summary>
public enum SimulatorEventKind
{
    Started,
    ApiDisabled,
    Stopped,
    /// <summary>A TCP connection was accepted.</summary>
    Accepted,
    /// <summary>More connections than MaxConnections: the newcomer was closed.</summary>
    ConnectionLimit,
    /// <summary>Untrusted or remote peer closed right after it connected.</summary>
    PeerClosed,
    /// <summary>Untrusted peer held without a reply.</summary>
    PeerHeld,
    /// <summary>The version range was answered with a server version.</summary>
    VersionNegotiated,
    /// <summary>The version range lies entirely outside what the simulator serves: closed without a reply.</summary>
    VersionRefused,
    /// <summary>START_API accepted.</summary>
    ApiStarted,
    /// <summary>START_API with a client id that is in use: error 326 and close.</summary>
    ClientIdInUse,
    /// <summary>A request the simulator served.</summary>
    Request,
    /// <summary>A request answered with the "not supported by the simulator" error.</summary>
    Unsupported,
    /// <summary>An order request refused because the API is read-only (error 321).</summary>
    ReadOnlyRejected,
    /// <summary>A request whose fields could not be read (error 320); the connection stays open.</summary>
    BadRequest,
    /// <summary>Bytes that break the framing or the handshake: that client was closed.</summary>
    ProtocolViolation,
    /// <summary>The handshake did not complete in time: closed.</summary>
    HandshakeTimedOut,
    /// <summary>The client stopped reading and a write timed out: closed.</summary>
    WriteTimedOut,
    /// <summary>The connection ended.</summary>
    Disconnected,
    /// <summary>A fault was played (docs/simulator.md, "Faults").</summary>
    Fault,
    /// <summary>A request answered with a pacing error (162 or 420) by a Pacing fault.</summary>
    Paced,
    /// <summary>A request left unanswered by a Silence fault.</summary>
    Silenced,
    /// <summary>The simulator listens again after a nightly restart.</summary>
    Restarted,
}
