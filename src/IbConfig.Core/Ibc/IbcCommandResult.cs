using System;
using System.Collections.Generic;
using System.Linq;

namespace IbConfig.Core.Ibc;

/// <summary>What IBC's command server said to one command. Flat, so it serialises over remoting.</summary>
public sealed class IbcCommandResult
{
    public IbcCommandResult(string computerName, int port, IbcCommand command, IbcReplyStatus status, string reply, IEnumerable<string> info)
    {
        ComputerName = computerName;
        Port = port;
        CommandValue = command;
        StatusValue = status;
        Reply = reply;
        Info = info?.ToArray() ?? Array.Empty<string>();
    }

    public string ComputerName { get; }

    public int Port { get; }

    public string Command => CommandValue.ToString();

    internal IbcCommand CommandValue { get; }

    public string Status => StatusValue.ToString();

    internal IbcReplyStatus StatusValue { get; }

    public bool Succeeded => StatusValue == IbcReplyStatus.Ok;

    /// <summary>The text after <c>OK</c>/<c>ERROR</c> (e.g. "Shutting down"), or why there was no reply.</summary>
    public string Reply { get; }

    /// <summary>The <c>INFO</c> lines IBC sent before its final answer, in order.</summary>
    public string[] Info { get; }
}
