BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'ConfigFileTestHelpers.ps1')

    function New-Snapshot([int] $Id, [string] $Name, [string] $Path, [string] $CommandLine) {
        [IbConfig.Core.Processes.ProcessSnapshot]::new($Id, $Name, $Path, $CommandLine, [datetime]'2026-11-26T08:00:00')
    }
}

AfterAll {
    Restore-RealGatewayProcess
}

Describe 'Get-IbGatewayProcess' {
    BeforeEach {
        Set-FakeGatewayProcess @(
            New-Snapshot 4100 'ibgateway' 'C:\Jts\ibgateway\1030\ibgateway.exe' $null
            New-Snapshot 4200 'java' '/usr/bin/java' 'java -DjtsConfigDir=/home/bot/Jts -cp /opt/ibc/IBC.jar:/home/bot/Jts/ibgateway/1030/jars/* ibcalpha.ibc.IbcGateway /opt/ibc/config.ini paper'
            New-Snapshot 4300 'tws' 'C:\Jts\1030\tws.exe' '"C:\Jts\1030\tws.exe"'
            New-Snapshot 4400 'java' '/usr/bin/java' 'java -jar /opt/jenkins/jenkins.war'
            New-Snapshot 4500 'notepad' 'C:\Windows\notepad.exe' 'notepad C:\Jts\jts.ini'
        )
    }

    It 'lists the running gateway and TWS instances and nothing else' {
        $found = @(Get-IbGatewayProcess)
        $found.Id | Should -Be @(4100, 4200, 4300)
        $found.Product | Should -Be @('Gateway', 'Gateway', 'Tws')
        $found[0].StartTime | Should -Be ([datetime]'2026-11-26T08:00:00')
    }

    It 'tells the settings folder and how it was told' {
        $found = @(Get-IbGatewayProcess)
        $found[0].SettingsDirectory | Should -Be 'C:\Jts'
        $found[0].SettingsDirectorySource | Should -Be 'InstallFolder'
        $found[0].CommandLineKnown | Should -BeFalse
        $found[1].SettingsDirectory | Should -Be '/home/bot/Jts'
        $found[1].SettingsDirectorySource | Should -Be 'CommandLine'
        $found[1].CommandLineKnown | Should -BeTrue
    }

    It 'never outputs the command line (IBC may carry credentials in it)' {
        (Get-IbGatewayProcess)[0].PSObject.Properties.Name | Should -Not -Contain 'CommandLine'
    }

    It 'filters by product' {
        @(Get-IbGatewayProcess -Product Tws).Id | Should -Be @(4300)
        @(Get-IbGatewayProcess Gateway).Id | Should -Be @(4100, 4200)
    }

    It 'lists only the instances that may use a settings folder' {
        Set-FakeGatewayProcess @(
            New-Snapshot 1 'java' $null 'java -DjtsConfigDir=/srv/live/Jts ibcalpha.ibc.IbcGateway'
            New-Snapshot 2 'java' $null 'java -DjtsConfigDir=/srv/paper/Jts ibcalpha.ibc.IbcGateway'
            New-Snapshot 3 'ibgateway' $null $null
        )
        @(Get-IbGatewayProcess -SettingsFolder /srv/paper/Jts).Id | Should -Be @(2, 3)
    }

    It 'outputs nothing when no instance runs' {
        Set-FakeGatewayProcess @()
        Get-IbGatewayProcess | Should -BeNullOrEmpty
    }

    It 'reads the real process list without error' {
        Set-TestMachine $null
        { Get-IbGatewayProcess -ErrorAction Stop } | Should -Not -Throw
    }

    It 'shows a table with the product and settings folder' {
        $text = Get-IbGatewayProcess | Out-String -Width 200
        $text | Should -Match 'Id\s+Product\s+Name\s+StartTime\s+SettingsDirectory'
        $text | Should -Match '4100 IB Gateway'
    }
}
