@{
    Description = 'One difference between a gateway and its baseline: the setting, what the baseline expects, what the gateway has, and where the gateway''s value lives. Flat, so it comes back from Invoke-Command unchanged.'
    Properties  = @{
        Setting      = 'The setting''s name; TrustedIps for an address that was added or removed, with the address as the value.'
        Expected     = 'The baseline''s value; empty when the baseline does not have it.'
        Actual       = 'The gateway''s value; empty when no store sets it.'
        Kind         = 'Changed (both have it, with different values), Missing (only the baseline has it) or Added (only the gateway has it).'
        Store        = 'The store the gateway''s value comes from: JtsIni, ProfileXml or IbcConfig; empty when not set.'
        File         = 'The file holding the gateway''s value, else the jts.ini compared.'
        Line         = 'The value''s line in File, when known.'
        ComputerName = 'The computer whose settings were compared.'
        Baseline     = 'The baseline file compared with.'
    }
}
