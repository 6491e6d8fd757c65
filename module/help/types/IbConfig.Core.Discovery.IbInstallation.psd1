@{
    Description = 'An installed IB Gateway or TWS version. The folder is InstallFolder, not Path, so that piping Find-IbConfig into a settings cmdlet binds only the settings files to its -Path.'
    Properties  = @{
        Product       = 'IB Gateway or TWS.'
        Version       = 'The version as IB names its folder (1030 is 10.30).'
        InstallFolder = 'The folder the version is installed in.'
        Executable    = 'The launcher (ibgateway.exe/tws.exe on Windows, ibgateway/tws elsewhere), or null when only the jars are there.'
        Root          = 'The settings root (the Jts folder) it was found under.'
    }
}
