using System.Globalization;

namespace IbConfig.Core.Protocol;

/// <summary>
/// The server's answer to the handshake: the version it chose and its connection time as free text,
/// <c>YYYYMMDD HH:MM:SS &lt;zone&gt;</c> (docs/tws-protocol.md, "Handshake", step 2).
/// </summary>
public sealed class ServerHello
{
    public ServerHello(int serverVersion, string connectionTime)
    {
        ServerVersion = serverVersion;
        ConnectionTime = connectionTime;
    }

    public int ServerVersion { get; }

    /// <summary>As the server wrote it; the zone is free text ("EST", "Greenwich Mean Time"), so it is kept raw.</summary>
    public string ConnectionTime { get; }

    /// <summary>
    /// Reads the reply to the version handshake and checks the version against the range the client asked for: IB's own
    /// clients refuse a version outside it (client-side error 506); -1 is a redirect, which IbConfig does not follow.
    /// </summary>
    public static ServerHello Decode(TwsMessage reply, VersionRange asked)
    {
        var text = reply.GetString(0);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version))
            throw new TwsProtocolException(ProtocolFailure.Malformed, $"The server's version '{Shorten(text)}' is not a number.");
        if (version == -1)
        {
            var target = reply.Count > 1 ? reply.GetString(1) : "";
            throw new TwsProtocolException(ProtocolFailure.UnsupportedVersion, $"The server redirected the client to '{Shorten(target)}'; IbConfig does not follow redirects.");
        }
        if (version < asked.Min || version > asked.Max)
            throw new TwsProtocolException(ProtocolFailure.UnsupportedVersion, $"The server chose API version {version}, outside the range {asked} that IbConfig speaks.");
        return new ServerHello(version, reply.Count > 1 ? reply.GetString(1) : "");
    }

    public override string ToString() => $"v{ServerVersion} {ConnectionTime}";

    private static string Shorten(string text) => text.Length <= 32 ? text : text.Substring(0, 32) + "…";
}
