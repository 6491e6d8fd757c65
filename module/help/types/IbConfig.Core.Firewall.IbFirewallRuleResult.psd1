@{
    Description = 'How Windows Firewall treats inbound connections to one API port. Flat, for remoting.'
    Properties  = @{
        ComputerName      = 'The computer whose firewall was read (this one).'
        Port              = 'The API port checked.'
        Status            = 'How exposed the port is.'
        InboundAllowed    = 'True when some enabled inbound rule allows the port (from any address).'
        LimitedToLoopback = 'True when no rule lets a non-loopback address reach the port (the guide''s "127.0.0.1 only").'
        AllowRules        = 'Enabled inbound allow rules that cover the port, as "name (from addresses)".'
        ExposingRules     = 'The allow rules that admit addresses other than loopback.'
        BlockRules        = 'Enabled inbound block rules that cover the port.'
        Remedy            = 'The command that limits an exposing rule to 127.0.0.1; empty when nothing needs fixing.'
    }
}
