@{
    Description = 'A running IB Gateway or TWS. The command line itself is not kept: IBC accepts the login and password as arguments, and this object is printed and logged.'
    Properties  = @{
        Id                      = 'The process id.'
        Name                    = 'The process name.'
        Product                 = 'IB Gateway or TWS.'
        Path                    = 'The executable (ibgateway.exe, tws.exe, or the java of the gateway''s bundled runtime), when readable.'
        StartTime               = 'When the process started (local time), when readable.'
        SettingsDirectory       = 'The settings folder (the one holding jts.ini) this instance uses, when it can be told.'
        SettingsDirectorySource = 'How SettingsDirectory was told.'
        CommandLineKnown        = 'False when the OS would not give the command line (then only the name and path identified it).'
        ProductName             = '"IB Gateway" or "TWS", as IB names them.'
    }
}
