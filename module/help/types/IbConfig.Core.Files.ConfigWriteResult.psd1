@{
    Description = 'What a guarded write did: which file, where the previous content was saved, and whether anything changed.'
    Properties  = @{
        Path         = 'The settings file written (or that would have been).'
        BackupPath   = 'The copy of the previous content, or null when nothing was written or the file is new.'
        Changed      = 'False when the file already held exactly these bytes (then nothing was written and no backup made).'
        BytesWritten = 'The size of the new content in bytes; 0 when nothing was written.'
    }
}
