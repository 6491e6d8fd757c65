using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Errors;
using IbConfig.Core.Network;

namespace IbConfig.Core.Ibc;

/// <summary>
/// Talks to IBC's command server: plain TCP, one command per line; IBC answers with zero or more <c>INFO</c> lines and then
/// one <c>OK ...</c> or <c>ERROR ...</c> line. Every wait has a time-out and every read a cap, so a wrong port (say the API
/// port, which never sends a line) ends in a clear result instead of a hang.
/// </summary>
public sealed class IbcCommandClient
{
    /// <summary>IBC's documented default for <c>CommandServerPort</c>.</summary>
    public const int DefaultPort = 7462;

    /// <summary>IBC's replies are short status lines; anything longer is not IBC.</summary>
    public const int MaxLineBytes = 4096;

    public const int MaxLines = 64;

    private readonly TcpConnector _connector;

    public IbcCommandClient()
        : this(new TcpConnector())
    {
    }

    public IbcCommandClient(TcpConnector connector) => _connector = connector ?? throw new ArgumentNullException(nameof(connector));

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to wait for the final OK/ERROR line after sending the command.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static string WireName(IbcCommand command) => command.ToString().ToUpperInvariant();

    /// <summary>
    /// Sends one command and reads IBC's answer. Throws <see cref="IbConfigException"/> when the server cannot be reached
    /// (<c>IbcCommandServerRefused</c>, <c>IbcCommandServerTimeout</c>, <c>IbcCommandServerUnreachable</c>); a server that
    /// accepts but never answers gives a <see cref="IbcReplyStatus.NoReply"/> result.
    /// </summary>
    public async Task<IbcCommandResult> SendAsync(string computerName, int port, IbcCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(computerName)) throw new ArgumentException("A computer name is required.", nameof(computerName));
        if (port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1-65535.");

        using var connection = await _connector.ConnectAsync(computerName, port, ConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (!connection.Succeeded) throw NotReached(connection);
        using var stream = new NetworkStream(connection.Socket!, ownsSocket: false);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        // Socket reads ignore tokens on .NET Framework: closing the socket is what ends a pending read there.
        using var abort = timeout.Token.Register(() => connection.Socket!.Dispose());
        var info = new List<string>();
        try
        {
            var line = Encoding.ASCII.GetBytes(WireName(command) + "\n");
            await stream.WriteAsync(line, 0, line.Length, timeout.Token).ConfigureAwait(false);
            var reader = new LineReader(stream);
            while (info.Count < MaxLines)
            {
                var reply = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                if (reply is null) return NoReply("IBC closed the connection without answering.");
                if (TryFinal(reply, "OK", out var text)) return new IbcCommandResult(computerName, port, command, IbcReplyStatus.Ok, text, info);
                if (TryFinal(reply, "ERROR", out text)) return new IbcCommandResult(computerName, port, command, IbcReplyStatus.Error, text, info);
                info.Add(TryFinal(reply, "INFO", out text) ? text : reply);
            }
            return NoReply($"IBC sent {MaxLines} lines without OK or ERROR: this is not IBC's command server.");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (timeout.IsCancellationRequested)
                return NoReply($"No OK or ERROR within {ReplyTimeout.TotalSeconds:0.#} s: is {port} IBC's CommandServerPort and not the API port?");
            return NoReply($"The connection failed while waiting for the reply: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            return NoReply(ex.Message);
        }

        IbcCommandResult NoReply(string why) => new(computerName, port, command, IbcReplyStatus.NoReply, why, info);
    }

    private IbConfigException NotReached(TcpConnectResult connection)
    {
        var target = $"{connection.ComputerName}:{connection.Port}";
        return connection.Status switch
        {
            PortStatus.Refused => IbcFailure.ServerRefused(target, connection.Port),
            PortStatus.TimedOut => IbcFailure.ServerTimeout(target, ConnectTimeout),
            _ => IbcFailure.ServerUnreachable(target, connection.Failure),
        };
    }

    private static bool TryFinal(string line, string keyword, out string text)
    {
        text = string.Empty;
        if (!line.StartsWith(keyword, StringComparison.Ordinal)) return false;
        if (line.Length > keyword.Length && line[keyword.Length] != ' ') return false;
        text = line.Substring(keyword.Length).Trim();
        return true;
    }
}
