@{
    Synopsis    = 'Plays a fault on running gateway simulators: dropped clients, connectivity and farm notices, a nightly restart, pacing errors or unanswered requests.'
    Description = @'
Invoke-IbGatewaySimulatorFault makes a simulator that Start-IbGatewaySimulator started misbehave the way a real IB Gateway does, so a bot (or Watch-IbGateway) can be tested against it:

DropClients closes the connections of the chosen clients (all by default), as a network cut does. Notice sends one of IB's connectivity or farm notices to every connected client with id -1: 1100 (connectivity lost), 1101 and 1102 (restored, data lost or kept), 2110 (TWS to server broken), 2103/2104 (market data farm broken/OK), 2105/2106 (historical data farm), 2157/2158 (sec-def farm), with the farm's name at the end as IB writes it. NightlyRestart plays IB's daily restart: every client is closed, the port refuses connections for -DurationMs, then listens again; the client ids that were connected get error 326 until -ClientIdHoldMs after that. Pacing answers the chosen requests with error 162 (historical data pacing violation; default requests: historical data, head timestamp, historical ticks) or 420 (real-time bars and market data) on their own request id. Silence never answers the chosen requests. AdvanceClock moves the replay clock of a simulator replaying bar series (Start-IbGatewaySimulator -DataPath with [Bars]) forward by -DurationMs, sending every tick, real-time bar and history update on the way: the way to step a simulator started with -ReplaySpeed 0.

Without -DelayMs the fault is played at once and the command returns when it has taken effect (notices sent, clients closed, the port closed). With -DelayMs it is scheduled and the command returns at once. Each played fault is logged: Get-IbGatewaySimulator -Event -Kind Fault. A scenario file (Start-IbGatewaySimulator -ScenarioPath) schedules the same faults at times after the start.
'@
    Parameters  = @{
        Id             = 'The numbers of the simulators to play the fault on (the Id property of Get-IbGatewaySimulator). Accepts pipeline input by property name.'
        Kind           = 'The fault: DropClients, Notice, NightlyRestart, Pacing, Silence or AdvanceClock.'
        Code           = 'Notice: the IB code to send (1100, 1101, 1102, 2110, 2103, 2104, 2105, 2106, 2157, 2158; another code needs -Message). Pacing: 162 (default) or 420.'
        Farm           = 'Notice: the farm named at the end of a farm notice, e.g. eufarm or euhmds. Default: usfarm, ushmds or secdefnj.'
        Message        = 'Replaces IB''s text of the notice or pacing error.'
        Request        = 'Pacing and Silence: the requests hit, by IB''s name (REQ_HISTORICAL_DATA, REQ_MKT_DATA, REQ_CONTRACT_DATA, PLACE_ORDER, ...) or message id.'
        ClientId       = 'The client ids the fault concerns. Default: every client.'
        Count          = 'Pacing and Silence: how many requests are hit at most. Default: no limit.'
        DurationMs     = 'NightlyRestart: how long the port refuses connections. Pacing and Silence: how long they last; 0 (default) means until -Count requests were hit, or for good. AdvanceClock: how far to move the replay clock (required).'
        ClientIdHoldMs = 'NightlyRestart: how long after the port is back the ids of the clients it closed still get error 326, as when a bot reconnects too early.'
        DelayMs        = 'Plays the fault this many milliseconds from now instead of at once, and returns without waiting.'
        PassThru       = 'Writes the fault played (SimulatorFault) to the pipeline.'
    }
    DefaultValues = @{ Code = '162 for Pacing'; DurationMs = '0'; ClientIdHoldMs = '0' }
    Examples    = @(
        @{ Title = 'Cut IB''s connectivity, then bring it back'; Code = 'Invoke-IbGatewaySimulatorFault -Id 1 -Kind Notice -Code 1100; Start-Sleep 5; Invoke-IbGatewaySimulatorFault -Id 1 -Kind Notice -Code 1102'; Remarks = 'Every connected bot gets 1100 (connectivity lost), then 1102 (restored, data maintained): a bot should pause trading in between and resume after.' }
        @{ Title = 'Rehearse the nightly restart'; Code = 'Get-IbGatewaySimulator | Invoke-IbGatewaySimulatorFault -Kind NightlyRestart -DurationMs 30000 -ClientIdHoldMs 60000'; Remarks = 'Closes every client, refuses connections for 30 s, then gives error 326 to the old client ids for a minute more: a bot must back off and retry, not give up.' }
        @{ Title = 'Pace the next two history requests'; Code = 'Invoke-IbGatewaySimulatorFault -Id 1 -Kind Pacing -Code 162 -Request REQ_HISTORICAL_DATA -Count 2 -PassThru'; Remarks = 'The next two historical data requests get error 162 on their own request id; the third is served.' }
        @{ Title = 'Drop one client in ten seconds'; Code = 'Invoke-IbGatewaySimulatorFault -Id 1 -Kind DropClients -ClientId 7 -DelayMs 10000'; Remarks = 'Returns at once; the connection of client id 7 is closed ten seconds later and the event log says why.' }
    )
    Notes       = 'Faults play on running simulators only (error SimulatorNotRunning otherwise); AdvanceClock needs a simulator that replays bar series (error SimulatorNoReplay otherwise). Stopping the simulator cancels faults still to come.'
    RelatedLinks = @('Start-IbGatewaySimulator', 'Get-IbGatewaySimulator', 'Stop-IbGatewaySimulator')
    Inputs      = @('IbConfig.Core.Simulator.IbGatewaySimulatorInfo')
}
