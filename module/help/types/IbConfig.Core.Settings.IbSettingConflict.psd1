@{
    Description = 'Two or more stores hold different values for one setting (e.g. jts.ini s.SocketPort=7497 but ibg.xml port="4002"): every store''s value as a flat record, the one that counts, and why it counts. The effective value in full is the settings'' own: (Get-IbApiSetting).Get($conflict.Setting).'
    Properties  = @{
        Setting        = 'The common setting name, e.g. SocketPort.'
        EffectiveValue = 'The value the gateway runs with, as IB writes it.'
        EffectiveStore = 'The store the effective value comes from.'
        Values         = 'Every store''s value, the effective one first: flat records with Store, Value, Path, Location, LineNumber and Problem, each reading ProfileXml=4002 (C:\Jts\darykqabcdef\ibg.xml:5 ApiSettings/@port) as text.'
        Reason         = 'Why the effective value wins, in words.'
    }
}
