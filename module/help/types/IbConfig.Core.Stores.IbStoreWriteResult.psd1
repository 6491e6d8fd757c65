@{
    Description = 'What a write did to one store: Set-IbApiSetting and the trusted-IP cmdlets emit one per store they target.'
    Properties  = @{
        Store      = 'Which store was written.'
        Path       = 'The store file.'
        Status     = 'Changed, Unchanged (it already held the values) or NotWritten (-WhatIf, declined, or failed).'
        Changes    = 'One line per key: ApiSettings/@port: 4002 -> 4012 (line 5).'
        BackupPath = 'The backup of the previous content, when the file was written.'
    }
}
