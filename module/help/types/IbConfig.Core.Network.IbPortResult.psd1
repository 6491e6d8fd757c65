@{
    Description = 'One probed port, as Test-IbPort shows it. Property names follow Test-NetConnection (ComputerName, RemoteAddress, TcpTestSucceeded) so scripts written for it carry over; only simple types, so it serialises cleanly.'
    Properties  = @{
        ComputerName     = 'The computer probed, as given.'
        RemoteAddress    = 'The address connected to (or tried first); null when the name did not resolve.'
        Port             = 'The TCP port probed.'
        Status           = 'What the probe found.'
        TcpTestSucceeded = 'True when the port is open: the name Test-NetConnection uses.'
        LatencyMs        = 'Milliseconds from the start of this probe (name lookup included) to its outcome.'
        Product          = 'The IB program this port conventionally belongs to, or null for a port IB does not use by default.'
        TradingMode      = 'The trading mode this port conventionally means (a convention only: the login decides), or null.'
        Hint             = 'What to check next, for a port that is not open; null when it is.'
        Failure          = 'The failure as the network reported it ("connection refused", "no answer within 1000 ms"), or null.'
    }
}
