@{
    Synopsis    = 'Compares a gateway''s effective API settings with a baseline and returns one drift object per difference.'
    Description = @'
Compare-IbApiConfiguration reads a baseline written by Export-IbApiBaseline and the gateway's stores (jts.ini, the profile XML, IBC's config.ini), and returns an IbApiDrift for every difference: Setting, Expected (the baseline's value), Actual (the gateway's), Kind (Changed, Missing: the baseline has it and no store sets it, Added: a store sets it and the baseline does not), and where the gateway's value lives: Store, File and Line. A trusted address that was added or removed is a TrustedIps drift with the address as its value. Values are compared without regard to case. Nothing is returned when the gateway matches the baseline.

Across a fleet, run it on each gateway with Invoke-Command and one baseline: the drift objects come back with the same property names, plus PSComputerName. The same comparison is the Drift check of Test-IbApiConfiguration -Baseline and Invoke-IbHealthCheck -Baseline.

A baseline that cannot be read, or a file that is not a baseline, is a terminating error (BaselineInvalid, or the file errors such as ConfigFileNotFound).
'@
    Parameters  = @{
        Path          = 'The jts.ini to compare (Find-IbConfig lists them). Default: the first jts.ini that Find-IbConfig lists.'
        Profile       = 'The profile folder or its ibg.xml / tws.xml. Default: the profile jts.ini names, found beside it.'
        IbcConfigPath = 'IBC''s config.ini. Default: $env:IBC_INI, else IBC''s usual places.'
        Baseline      = 'The baseline file written by Export-IbApiBaseline; its output pipes in by property name (BaselinePath).'
    }
    Examples    = @(
        @{
            Title   = 'What changed since the baseline'
            Code    = 'Compare-IbApiConfiguration -Path C:\Jts\jts.ini -Baseline C:\ops\baselines\gateway-paper.ini'
            Remarks = 'One row per drifted setting, with the file and line that now holds a different value.'
        }
        @{
            Title   = 'Check a fleet against one baseline'
            Code    = '$baseline = Get-Content C:\ops\baselines\gateway-paper.ini -Raw; Invoke-Command -ComputerName gw1, gw2 { param($text) Import-Module IbConfig; $file = New-TemporaryFile; Set-Content $file $text; Compare-IbApiConfiguration -Baseline $file; Remove-Item $file } -ArgumentList $baseline | Format-Table PSComputerName, Setting, Expected, Actual, File, Line'
            Remarks = 'The baseline travels as text; each gateway compares its own stores and returns its drift.'
        }
    )
    RelatedLinks = @('Export-IbApiBaseline', 'Test-IbApiConfiguration', 'Invoke-IbHealthCheck')
    Inputs       = @('IbConfig.Core.Baseline.IbApiBaseline', 'IbConfig.Core.Settings.IbApiSettings')
}
