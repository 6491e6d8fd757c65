namespace IbConfig.Core.Settings;

/// <summary>
/// One store's value of a setting as a flat record of text and numbers: what a value beat (<see cref="SettingValue.Overridden"/>)
/// and what a conflict lists (<see cref="IbSettingConflict.Values"/>). Flat so that <c>ConvertTo-Json -Depth 4</c> writes
/// IbApiSettings whole, without repeating full values inside values (docs/serialisation.md).
/// </summary>
public sealed class SettingValueRecord
{
    public SettingValueRecord(SettingValue value)
    {
        StoreValue = value.Source.StoreValue;
        Value = value.DisplayValue;
        Path = value.Source.Path;
        Location = value.Source.Location;
        LineNumber = value.Source.LineNumber;
        Problem = value.Problem;
    }

    /// <summary>The store holding the value: JtsIni, ProfileXml or Ibc.</summary>
    public string Store => StoreValue.ToString();

    internal SettingStore StoreValue { get; }

    /// <summary>The value as IB writes it (lists comma-joined); the text as read when it does not parse.</summary>
    public string Value { get; }

    /// <summary>The file; null for a document parsed from memory.</summary>
    public string? Path { get; }

    /// <summary>The place inside the file: "[IBGateway] s.SocketPort", "ApiSettings/@port" or "OverrideTwsApiPort".</summary>
    public string Location { get; }

    /// <summary>1-based line of the value in the file, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>Why the value is not valid; null when it is.</summary>
    public string? Problem { get; }

    /// <summary>"ProfileXml=4002 (C:\Jts\darykqabcdef\ibg.xml:5 ApiSettings/@port)": what a truncated JSON and the views show.</summary>
    public override string ToString() => $"{Store}={Value} ({SettingSource.Place(Path, LineNumber, Location)})";
}
