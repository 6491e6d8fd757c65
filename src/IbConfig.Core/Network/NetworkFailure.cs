using System;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>The failures of the network requests: names, ports, time-outs and client ids that cannot be used.</summary>
public static class NetworkFailure
{
    public static IbConfigException PortRequiredForRemote(string computerName) =>
        new("PortRequired", IbErrorKind.InvalidArgument,
            $"{computerName} is another machine, so its settings cannot be read here. Pass -Port (the API port), " +
            "or run the checklist on that machine: Invoke-Command -ComputerName <host> { Test-IbApiConfiguration }.", computerName);

    public static IbConfigException PortNotConfigured(string origin) =>
        new("PortRequired", IbErrorKind.InvalidArgument,
            $"No API port is configured on this machine ({origin}). Pass -Port, e.g. -Port 4002 for IB Gateway paper.", null);

    public static IbConfigException EmptyComputerName(string? computerName) =>
        new("EmptyComputerName", IbErrorKind.InvalidArgument, "The computer name is empty. Give a host name or an address such as 127.0.0.1.", computerName);

    public static IbConfigException InvalidPort(int port) =>
        new("InvalidPort", IbErrorKind.InvalidArgument, $"Port {port} is not a TCP port: use 1-65535 (IB's defaults: {ConventionalPort.Describe()}).", port);

    public static IbConfigException InvalidTimeout(TimeSpan timeout) =>
        new("InvalidTimeout", IbErrorKind.InvalidArgument, $"The time-out must be positive; got {timeout.TotalMilliseconds} ms. Give a time-out of at least 1 ms.", timeout);

    public static IbConfigException InvalidClientId(int clientId) =>
        new("InvalidClientId", IbErrorKind.InvalidArgument,
            $"Client id {clientId} is negative: use a whole number from 0 to 2147483647 (health checks use {IbConnectionRequest.DefaultClientId}).", clientId);

    public static IbConfigException ClientIdVariableNotANumber(string value) =>
        new("InvalidClientIdVariable", IbErrorKind.InvalidArgument,
            $"${IbConnectionRequest.ClientIdVariable} is '{value}', which is not a client id: set it to a whole number from 0 to 2147483647 (e.g. 999), or remove it to use {IbConnectionRequest.DefaultClientId}.", value);

    public static IbConfigException ClientIdVariableIsTheBots(string value) =>
        new("InvalidClientIdVariable", IbErrorKind.InvalidArgument,
            $"${IbConnectionRequest.ClientIdVariable} is 1, the id bots conventionally use: a health check with it would collide with the bot (error 326). Choose another id, e.g. {IbConnectionRequest.DefaultClientId}.", value);

    public static IbConfigException InvalidThrottleLimit(int throttleLimit) =>
        new("InvalidThrottleLimit", IbErrorKind.InvalidArgument, $"The throttle limit must be at least 1; got {throttleLimit}. Pass -ThrottleLimit 1 or more.", throttleLimit);
}
