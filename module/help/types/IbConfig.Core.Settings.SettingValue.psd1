@{
    Description = 'One setting''s value as read from one store, with its source. When several stores or keys hold the same setting, the one that counts lists the others in Overridden as flat records (store, value, file, place, line).'
    Properties  = @{
        Name         = 'The setting''s name (see SettingDefinition), e.g. SocketPort.'
        Text         = 'The text exactly as the store holds it.'
        Value        = 'The value: an int, a bool or the list of addresses; a time as text hh:mm:ss and a trading mode by name; null when Text does not parse.'
        Source       = 'Where it was read: the store, file, section, key and line (a SettingSource).'
        Problem      = 'Why Text is not a valid value; null when it is.'
        IsValid      = 'False when Text does not parse as this setting''s value (see Problem).'
        Overridden   = 'The values this one beat (other keys or stores holding the same setting), each a flat record: Store, Value (as IB writes it), Path, Location (section and key, or XML place), LineNumber and Problem.'
        Path         = 'The file the value was read from.'
        DisplayValue = 'The value as IB writes it; lists are comma-joined.'
    }
}
