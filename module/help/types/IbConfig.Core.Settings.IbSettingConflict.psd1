@{
    Description = 'Two or more stores hold different values for one setting (e.g. jts.ini s.SocketPort=7497 but ibg.xml port="4002"): every value with its source, the one that counts, and why it counts.'
    Properties  = @{
        Setting        = 'The common setting name, e.g. SocketPort.'
        Effective      = 'The value the gateway runs with.'
        EffectiveValue = 'The effective value as text.'
        EffectiveStore = 'The store the effective value comes from.'
        Values         = 'Every store''s value, the effective one first.'
        Sources        = 'One line per value: ProfileXml=4002 (C:\Jts\darykqabcdef\ibg.xml:5 ApiSettings/@port).'
        Reason         = 'Why Effective wins, in words.'
    }
}
