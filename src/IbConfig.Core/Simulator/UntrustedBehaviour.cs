namespace IbConfig.Core.Simulator;

/// <summary>
/// What happens to a peer whose address is not trusted (docs/ib-settings.md, "Behaviour worth knowing"): some IB Gateway builds
/// close the socket right after it opens; TWS holds it silently while its "Accept incoming connection" dialog waits for a human.
/// </summary>
public enum UntrustedBehaviour
{
    /// <summary>Close the connection as soon as it is accepted, before any byte is read (IB Gateway builds).</summary>
    Close,
    /// <summary>Keep the connection open and never answer (TWS showing its accept dialog).</summary>
    Hold,
    /// <summary>Serve it like a trusted peer: IBC answering the dialog itself (AcceptIncomingConnectionAction=accept).</summary>
    Accept,
}
