@{
    Synopsis    = 'Stops gateway simulators of this session, releasing their ports and disconnecting their clients.'
    Description = @'
Stop-IbGatewaySimulator stops the simulators that Start-IbGatewaySimulator started: it stops listening, closes every client connection (clients see the socket close, as when a gateway exits) and waits until every connection has ended, then removes the simulator from the session's list.

Pipe Get-IbGatewaySimulator into it, name simulators with -Id, or stop them all with -All. It supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        Id       = 'The numbers of the simulators to stop (the Id property of Get-IbGatewaySimulator; Tab completes the ids running in this session). Accepts pipeline input by property name.'
        All      = 'Stops every simulator of the session.'
        PassThru = 'Writes each stopped simulator''s final description (Status Stopped, connection count) to the pipeline.'
    }
    Examples    = @(
        @{ Title = 'Stop everything at the end of a test run'; Code = 'Stop-IbGatewaySimulator -All'; Remarks = 'Releases every simulator port of the session, e.g. in a Pester AfterAll block.' }
        @{ Title = 'Stop one simulator and see how busy it was'; Code = 'Get-IbGatewaySimulator -Id 2 | Stop-IbGatewaySimulator -PassThru | Select-Object Id, Status, ConnectionCount'; Remarks = 'Stops simulator 2 and reports how many connections it accepted.' }
    )
    RelatedLinks = @('Start-IbGatewaySimulator', 'Get-IbGatewaySimulator')
    Inputs      = @('IbConfig.Core.Simulator.IbGatewaySimulatorInfo')
}
