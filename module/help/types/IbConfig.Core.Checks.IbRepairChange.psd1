@{
    Description = 'What Repair-IbApiConfiguration changed for one check in one store: the keys, and the one backup of the file.'
    Properties  = @{
        CheckId    = 'The check the change fixes (e.g. ApiEnabled, LocalhostTrusted).'
        Fix        = 'What was asked: ApiEnabled=true, add 127.0.0.1 to the trusted IPs, AutoRestartTime=23:55 (Ibc).'
        Store      = 'Which store was changed.'
        Path       = 'The store file.'
        Status     = 'Changed, or NotWritten when the file could not be written (the error says why: a running gateway, a locked file).'
        Changes    = 'One line per key: ApiSettings/@socketClient: false -> true (line 4).'
        BackupPath = 'The backup of the file''s previous content: one per file, shared by every change to it.'
    }
}
