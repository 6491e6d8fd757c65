using System;
using System.Globalization;

namespace IbConfig.Core.Protocol;

/// <summary>
/// The client's advertised server-version range from the handshake, <c>v100..193</c> or a single <c>v176</c>, optionally
/// followed by a space and connect options such as <c>+PACEAPI</c> (docs/tws-protocol.md, "Handshake").
/// </summary>
public readonly struct VersionRange : IEquatable<VersionRange>
{
    /// <summary>The range IbConfig's client asks for: every layout it decodes holds up to 193, below the protobuf threshold.</summary>
    public static readonly VersionRange Client = new(100, 193);

    public VersionRange(int min, int max, string connectOptions = "")
    {
        if (min < 0 || max < min) throw new ArgumentOutOfRangeException(nameof(max), $"Invalid version range {min}..{max}.");
        Min = min;
        Max = max;
        ConnectOptions = connectOptions;
    }

    public int Min { get; }

    public int Max { get; }

    public string ConnectOptions { get; }

    public override string ToString() =>
        (Min == Max ? $"v{Min}" : $"v{Min}..{Max}") + (string.IsNullOrEmpty(ConnectOptions) ? "" : " " + ConnectOptions);

    public static bool TryParse(string text, out VersionRange range)
    {
        range = default;
        if (text is null || text.Length < 2 || text[0] != 'v') return false;
        var space = text.IndexOf(' ');
        var versions = space < 0 ? text.Substring(1) : text.Substring(1, space - 1);
        var options = space < 0 ? "" : text.Substring(space + 1);
        var dots = versions.IndexOf("..", StringComparison.Ordinal);
        var minText = dots < 0 ? versions : versions.Substring(0, dots);
        var maxText = dots < 0 ? versions : versions.Substring(dots + 2);
        if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min) ||
            !int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < min)
            return false;
        range = new VersionRange(min, max, options);
        return true;
    }

    public bool Equals(VersionRange other) => Min == other.Min && Max == other.Max && ConnectOptions == other.ConnectOptions;

    public override bool Equals(object? obj) => obj is VersionRange other && Equals(other);

    public override int GetHashCode() => (Min * 397) ^ Max;
}
