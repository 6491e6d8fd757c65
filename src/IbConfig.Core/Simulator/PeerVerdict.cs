namespace IbConfig.Core.Simulator;

/// <summary>What the simulator does with a newly accepted peer, decided from its address alone.</summary>
public enum PeerVerdict
{
    /// <summary>Trusted: serve the handshake.</summary>
    Admit,
    /// <summary>Close at once: not trusted on a Gateway build, or remote while "localhost only" is on.</summary>
    Close,
    /// <summary>Hold silently: not trusted on TWS, whose accept dialog is waiting for a human.</summary>
    Hold,
}
