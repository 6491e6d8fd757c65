@{
    Description = 'The desired state of a gateway''s API access: its effective settings, trusted addresses and restart plan, never credentials. Written as sorted ini text by Export-IbApiBaseline; read back by Compare-IbApiConfiguration and the checklist''s -Baseline.'
    Properties  = @{
        Settings           = 'Every setting that counts, by name, as IB writes it (sorted; the restart settings and the trusted list are kept apart).'
        TrustedIps         = 'The trusted addresses that count, sorted.'
        RestartPlan        = 'The restart settings that are set: AutoLogoffTime, AutoRestartTime, IBC''s ColdRestartTime and ClosedownAt.'
        MaintenanceWindows = 'The planned downtime the restart plan implies, e.g. "daily 23:50-00:05 (auto-restart)".'
        SettingsPath       = 'The jts.ini the baseline was taken from; empty for a baseline read from a file.'
        BaselinePath       = 'The baseline file written or read; empty when it was only returned.'
    }
}
