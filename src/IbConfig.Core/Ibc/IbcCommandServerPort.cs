using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Ibc;

/// <summary>Where IBC's command server listens: config.ini's <c>CommandServerPort</c>, else IBC's documented default 7462.</summary>
public static class IbcCommandServerPort
{
    /// <summary>
    /// The port and where it came from ("C:\IBC\config.ini:57" or "default"). Throws <see cref="IbConfigException"/>
    /// <c>IbcCommandServerOff</c> when the file sets 0 (IBC then runs no command server) and <c>IbcCommandServerPortInvalid</c>
    /// for a value that is not a port.
    /// </summary>
    /// <summary>The port from <paramref name="configPath"/>, else from the first of <paramref name="candidates"/> that exists, else 7462.</summary>
    public static (int Port, string Source) Find(string? configPath, IEnumerable<string> candidates)
    {
        var path = configPath ?? candidates.FirstOrDefault(File.Exists);
        return From(path is null ? null : IbcConfig.Load(path));
    }

    public static (int Port, string Source) From(IbcConfig? config)
    {
        var value = config?.Get(IbcKeys.CommandServerPort);
        if (config is null || value is null || value.Value.Trim().Length == 0) return (IbcCommandClient.DefaultPort, "default");
        var source = $"{config.Path}:{value.Line}";
        if (!int.TryParse(value.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw IbcFailure.ServerPortInvalid(value.Value, source);
        if (port == 0)
            throw IbcFailure.ServerOff(source);
        return (port, source);
    }
}
