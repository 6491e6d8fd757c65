namespace IbConfig.Core.Baseline;

/// <summary>
/// One difference between a gateway and its baseline: the setting, what the baseline expects, what the gateway has, and
/// where the gateway's value lives (store, file, line). Flat, so it survives remoting (Invoke-Command) unchanged.
/// </summary>
public sealed class IbApiDrift
{
    public IbApiDrift(string setting, string expected, string actual, IbApiDriftKind kind, string store, string file, int? line)
    {
        Setting = setting;
        Expected = expected;
        Actual = actual;
        KindValue = kind;
        Store = store;
        File = file;
        Line = line;
    }

    /// <summary>The setting's name (TrustedIps for an address, with the address as the value).</summary>
    public string Setting { get; }

    /// <summary>The baseline's value; empty when the baseline does not have it.</summary>
    public string Expected { get; }

    /// <summary>The gateway's value; empty when no store sets it.</summary>
    public string Actual { get; }

    public string Kind => KindValue.ToString();

    internal IbApiDriftKind KindValue { get; }

    /// <summary>The store the gateway's value comes from (JtsIni, ProfileXml, IbcConfig); empty when not set.</summary>
    public string Store { get; }

    /// <summary>The file holding the gateway's value, else the settings file compared.</summary>
    public string File { get; }

    /// <summary>The value's line in <see cref="File"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>The computer whose settings were compared (remoting adds PSComputerName as well).</summary>
    public string ComputerName { get; init; } = System.Environment.MachineName;

    /// <summary>The baseline file compared with.</summary>
    public string Baseline { get; init; } = string.Empty;

    public override string ToString() => $"{Setting}: expected '{Expected}', actual '{Actual}' ({Kind})";
}
