@{
    Synopsis    = 'Lists the gateway simulators running in this session, or their client sessions or event logs.'
    Description = @'
Get-IbGatewaySimulator shows the simulators that Start-IbGatewaySimulator started in this PowerShell session: status, address and port, accounts, how many connections each accepted and how many are open now.

With -Session it lists the client connections of the simulators instead (state, remote address, client id, negotiated server version, whether the client is the master API client, request count). With -Event it returns the latest entries of each simulator's event log: accepted connections, version negotiation, START_API, every request, refusals (untrusted peer, version range, client id in use, read-only), protocol violations and disconnections. Use them to see what a bot really sent.
'@
    Parameters  = @{
        Id      = 'The numbers of the simulators to show (the Id property of Start-IbGatewaySimulator -PassThru; Tab completes the ids running in this session). Default: all of them. Accepts pipeline input by property name.'
        Session = 'Lists the client connections of the simulators instead of the simulators.'
        Event   = 'Lists the simulators'' event log (the latest 1000 entries each) instead of the simulators.'
        Kind    = 'With -Event: only entries of these kinds, e.g. Request, Unsupported, ReadOnlyRejected, ClientIdInUse, PeerClosed, ProtocolViolation.'
    }
    Examples    = @(
        @{ Title = 'See what is running'; Code = 'Get-IbGatewaySimulator'; Remarks = 'One row per simulator: Id, Status, ComputerName, Port, Accounts, connections so far and open now.' }
        @{ Title = 'Check which client ids a bot uses'; Code = 'Get-IbGatewaySimulator -Id 1 -Session | Format-Table ClientId, RemoteAddress, ServerVersion, IsMasterClient'; Remarks = 'Shows every open connection of simulator 1; a bot that opens several connections with the same client id would get error 326.' }
        @{ Title = 'Find requests the simulator refused'; Code = 'Get-IbGatewaySimulator -Event -Kind Unsupported, ReadOnlyRejected, ProtocolViolation'; Remarks = 'Lists what the bot asked for that the simulator does not implement or refused, with the message id and the text sent back.' }
    )
    RelatedLinks = @('Start-IbGatewaySimulator', 'Stop-IbGatewaySimulator')
    Inputs      = @('IbConfig.Core.Simulator.IbGatewaySimulatorInfo')
}
