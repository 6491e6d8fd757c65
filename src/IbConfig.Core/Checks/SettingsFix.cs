using System;
using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;
using IbConfig.Core.Text;
using Operation = IbConfig.Core.Settings.TrustedIpOperation;

namespace IbConfig.Core.Checks;

/// <summary>
/// A check's remedy when it is a settings change: the values to set (or the trusted-IP edit) and the stores it goes to.
/// The checklist shows it as the command that makes it (<see cref="ToCommand"/>), and Repair-IbApiConfiguration applies it
/// (<see cref="SettingsRepairPlanner"/>), so the command a user reads and the change the repair makes are one and the same.
/// </summary>
public sealed class SettingsFix
{
    private SettingsFix(IReadOnlyList<SettingRequest> settings, Operation? trustedIpOperation, IReadOnlyList<string> addresses, StoreTargets target, bool allowLivePort)
    {
        Settings = settings;
        TrustedIpOperationValue = trustedIpOperation;
        Addresses = addresses;
        Target = target;
        AllowLivePort = allowLivePort;
    }

    /// <summary>Set-IbApiSetting's values; empty for a trusted-IP edit.</summary>
    public IReadOnlyList<SettingRequest> Settings { get; }

    /// <summary>Add-, Remove- or Set-IbTrustedIp; null for a settings change.</summary>
    public string? TrustedIpOperation => TrustedIpOperationValue?.ToString();

    internal Operation? TrustedIpOperationValue { get; }

    public IReadOnlyList<string> Addresses { get; }

    /// <summary>The stores the change goes to (<c>-Target</c>); the default is where the gateway reads the setting.</summary>
    public StoreTargets Target { get; }

    public bool AllowLivePort { get; }

    /// <summary>Set-IbApiSetting with these values, in the stores that decide them (or <paramref name="target"/>).</summary>
    public static SettingsFix Set(StoreTargets target, params SettingRequest[] settings) =>
        new(settings, null, Array.Empty<string>(), target, settings.Any(s => s.Setting == SettingDefinition.SocketPort && int.TryParse(s.Text, out var port) && ConventionalPort.IsLive(port)));

    public static SettingsFix Set(params SettingRequest[] settings) => Set(StoreTargets.WhereRead, settings);

    public static SettingsFix Set(SettingDefinition setting, object value) => Set(new SettingRequest(setting, setting.Format(value)));

    /// <summary>Add-, Remove- or Set-IbTrustedIp of these addresses in every store that holds the trusted list.</summary>
    public static SettingsFix TrustedIps(Operation operation, IEnumerable<string> addresses) =>
        new(Array.Empty<SettingRequest>(), operation, addresses.ToArray(), StoreTargets.WhereRead, false);

    /// <summary>The setting names it changes (TrustedIps for a trusted-IP edit).</summary>
    public IReadOnlyList<string> SettingNames =>
        TrustedIpOperation is null ? Settings.Select(s => s.Setting.Name).ToArray() : new[] { SettingDefinition.TrustedIps.Name };

    /// <summary>"SocketPort=4002", "add 127.0.0.1 to the trusted IPs": for -WhatIf and the repair's output.</summary>
    public string Describe() => TrustedIpOperationValue switch
    {
        Operation.Add => $"add {string.Join(",", Addresses)} to the trusted IPs",
        Operation.Remove => $"remove {string.Join(",", Addresses)} from the trusted IPs",
        Operation.Replace => $"set the trusted IPs to {string.Join(",", Addresses)}",
        _ => string.Join(", ", Settings.Select(s => s.ToString())) + (TargetName is { } target ? $" ({target})" : string.Empty),
    };

    /// <summary>The PowerShell command that makes this change in the stores named (each one that is not null).</summary>
    public string ToCommand(string? path, string? profile, string? ibcConfigPath)
    {
        var stores = string.Concat(
            path is null ? string.Empty : " -Path " + CommandLineQuote.PowerShell(path),
            profile is null ? string.Empty : " -Profile " + CommandLineQuote.PowerShell(profile),
            ibcConfigPath is null ? string.Empty : " -IbcConfigPath " + CommandLineQuote.PowerShell(ibcConfigPath));
        if (TrustedIpOperationValue is { } operation)
        {
            var verb = operation switch { Operation.Add => "Add", Operation.Remove => "Remove", _ => "Set" };
            return $"{verb}-IbTrustedIp {string.Join(",", Addresses)}{stores}";
        }

        var arguments = Settings.Select(s => $" -{s.Setting.Name} {Argument(s)}");
        return "Set-IbApiSetting" + stores + string.Concat(arguments)
            + (TargetName is { } name ? " -Target " + name : string.Empty)
            + (AllowLivePort ? " -AllowLivePort" : string.Empty);
    }

    public override string ToString() => Describe();

    /// <summary>The <c>-Target</c> value, or null for the default (where the gateway reads).</summary>
    private string? TargetName => Target.Only?.ToString() ?? (Target.Every ? "All" : null);

    private static string Argument(SettingRequest request) =>
        request.Setting.ValueType == typeof(bool) && SettingValueParser.TryParseBool(request.Text, out var flag, out _)
            ? (flag ? "$true" : "$false")
            : request.Setting.ValueType == typeof(int) ? request.Text : CommandLineQuote.PowerShell(request.Text);
}
