using System;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Ibc;

/// <summary>The failures of reaching IBC's command server.</summary>
public static class IbcFailure
{
    public static IbConfigException CommandRejected(string command, string reply, object result) =>
        new("IbcCommandRejected", IbErrorKind.InvalidResult,
            $"IBC refused {command}: {reply} Check the command's name and that IBC's version supports it (Send-IbcCommand -Command COMMAND lists none; see IBC's user guide).", result);

    public static IbConfigException CommandNoReply(string command, string reply, object result) =>
        new("IbcCommandNoReply", IbErrorKind.OperationTimeout,
            $"IBC did not answer {command}: {reply} Check that IBC is still running, or raise -TimeoutMs.", result);

    public static IbConfigException ServerRefused(string target, int port) =>
        new("IbcCommandServerRefused", IbErrorKind.ConnectionError,
            $"Nothing accepts connections on {target}. Check that IBC runs and that CommandServerPort={port} is set in IBC's config.ini (0 turns the command server off).", target);

    public static IbConfigException ServerTimeout(string target, TimeSpan waited) =>
        new("IbcCommandServerTimeout", IbErrorKind.OperationTimeout,
            $"No answer from {target} within {waited.TotalSeconds:0.#} s. IBC's command server listens on loopback; check the address and that a firewall does not drop it.", target);

    public static IbConfigException ServerUnreachable(string target, string? failure) =>
        new("IbcCommandServerUnreachable", IbErrorKind.ConnectionError,
            $"Cannot reach IBC's command server at {target}: {failure}. Check the address and that IBC runs.", target);

    public static IbConfigException ServerPortInvalid(string value, string source) =>
        new("IbcCommandServerPortInvalid", IbErrorKind.InvalidData,
            $"CommandServerPort='{value}' in {source} is not a port. Set it to 7462 (or pass -Port).", source);

    public static IbConfigException ServerOff(string source) =>
        new("IbcCommandServerOff", IbErrorKind.ResourceUnavailable,
            $"IBC's command server is off (CommandServerPort=0 in {source}). Set CommandServerPort=7462 and restart IBC to control the gateway.", source);
}
