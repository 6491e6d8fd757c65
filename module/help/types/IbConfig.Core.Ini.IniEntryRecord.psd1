@{
    Description = 'A key=value line with its file, as Get-IbApiSetting -Raw lists it (a flat copy: no live document).'
    Properties  = @{
        Path       = 'The jts.ini the line is in.'
        Section    = '"" for keys before the first section.'
        Key        = 'The key, as written.'
        Value      = 'The value, as written (everything after the first =).'
        LineNumber = 'The line number in the file, from 1.'
    }
}
