@{
    Description = 'One backup copy of a settings file. Path is the file it backs up and BackupPath the copy, so piping a backup into Restore-IbConfig binds both by name.'
    Properties  = @{
        Path       = 'The settings file this is a backup of.'
        BackupPath = 'The backup copy.'
        Time       = 'When the backup was taken (local clock time, from the backup''s name).'
        Length     = 'Size in bytes.'
        Hash       = 'The first 12 hex digits of the SHA-256 of the content: equal hashes mean equal content.'
    }
}
