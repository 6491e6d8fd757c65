@{
    Description = 'A place where IB keeps (or would keep) a settings file, and what is in it.'
    Properties  = @{
        Kind           = 'Which store the file is.'
        Path           = 'The file (pipe it into any cmdlet''s -Path).'
        Root           = 'The settings root (the Jts folder) it was found under.'
        Exists         = 'False for a usual place that holds no file (listed with -IncludeMissing).'
        Layout         = 'Which jts.ini layout the file uses (guide keys, real keys, both, or None when it has neither or is missing).'
        ProfileFolders = 'The per-user profile folders the file names ([Logon] UserNameToDirectory and the keys of [settings]).'
        LastWriteTime  = 'When the file was last written (local time); null when it does not exist.'
        Problem        = 'Why the file could not be read, or null.'
        Product        = 'For a profile file: IB Gateway (ibg.xml) or TWS (tws.xml).'
        Status         = 'For a profile file: Readable, Encrypted, Malformed or Unreadable (see Problem).'
    }
}
