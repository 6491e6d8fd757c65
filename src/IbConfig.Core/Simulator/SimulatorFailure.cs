using System;
using System.Collections.Generic;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Simulator;

/// <summary>The failures of configuring, starting and driving the gateway simulator, and of reading its files.</summary>
public static class SimulatorFailure
{
    public static IbConfigException NoAccount() =>
        new("SimulatorNoAccount", IbErrorKind.InvalidArgument, "Give at least one account id, e.g. DU123456.");

    public static IbConfigException InvalidAccount(string? id) =>
        new("SimulatorInvalidAccount", IbErrorKind.InvalidArgument,
            $"'{id}' is not a valid IB account id: use letters and digits only, e.g. DU123456.", id);

    public static IbConfigException UnknownSummaryTag(string tag, IEnumerable<string> known) =>
        new("SimulatorUnknownSummaryTag", IbErrorKind.InvalidArgument,
            $"'{tag}' is not a standard account-summary tag. Use one of: {string.Join(", ", known)}.", tag);

    public static IbConfigException InvalidSummaryValue(string tag, string value) =>
        new("SimulatorInvalidSummaryValue", IbErrorKind.InvalidArgument,
            $"The value of {tag} contains a NUL character. Remove it and give plain text.", value);

    public static IbConfigException InvalidBindAddress(string address) =>
        new("SimulatorInvalidBindAddress", IbErrorKind.InvalidArgument,
            $"'{address}' is not an IP address; use 127.0.0.1 or ::1.", address);

    public static IbConfigException AlreadyStarted(SimulatorStatus status) =>
        new("SimulatorAlreadyStarted", IbErrorKind.InvalidOperation, $"The simulator is {status}; create a new one to start again.");

    public static IbConfigException NotRunningForFault(SimulatorStatus status, object fault) =>
        new("SimulatorNotRunning", IbErrorKind.InvalidOperation,
            $"The simulator is {status}: faults play on a running simulator only. Start one with Start-IbGatewaySimulator.", fault);

    public static IbConfigException NotRunningForRestart(SimulatorStatus status, object fault) =>
        new("SimulatorNotRunning", IbErrorKind.InvalidOperation,
            $"The simulator is {status}: it can restart only while running. Start one with Start-IbGatewaySimulator.", fault);

    public static IbConfigException PortInUse(string where, int port, string address, Exception ex) =>
        new("SimulatorPortInUse", IbErrorKind.ResourceBusy,
            $"Port {port} on {address} is already in use (by a real gateway, TWS or another simulator?). Stop it, or choose another port; 0 lets the OS pick one.", where, ex);

    public static IbConfigException BindFailed(string where, Exception ex) =>
        new("SimulatorBindFailed", IbErrorKind.ResourceUnavailable,
            $"Cannot listen on {where}: {ex.Message}. Use a local address such as 127.0.0.1 or ::1.", where, ex);

    public static IbConfigException TraceUnwritable(string path, Exception ex) =>
        new("SimulatorTraceUnwritable", IbErrorKind.WriteError,
            $"Cannot write the simulator trace '{path}': {ex.Message} Choose a path in a folder you can write to.", path, ex);

    public static IbConfigException FileNotFound(SimulatorFileKind kind, string path) =>
        new(IdOf(kind) + "NotFound", IbErrorKind.ObjectNotFound, $"The {NounOf(kind)} '{path}' does not exist. Check the path.", path);

    public static IbConfigException FileUnreadable(SimulatorFileKind kind, string path, Exception ex) =>
        new(IdOf(kind) + "Unreadable", IbErrorKind.ReadError,
            $"Cannot read the {NounOf(kind)} '{path}': {ex.Message} Check the path and that you may read the file.", path, ex);

    /// <summary><paramref name="what"/> says what is wrong with the row and, where it can, how to fix it.</summary>
    public static IbConfigException FileInvalid(SimulatorFileKind kind, string source, int line, string what) =>
        new(InvalidId(kind), IbErrorKind.InvalidData,
            (line > 0 ? $"{source}, line {line}: {what}" : $"{source}: {what}") + $" Fix the {NounOf(kind)} and try again.", source);

    internal static string InvalidId(SimulatorFileKind kind) => IdOf(kind) + "Invalid";

    internal static string NounOf(SimulatorFileKind kind) => kind switch
    {
        SimulatorFileKind.Data => "simulator data file",
        SimulatorFileKind.Bars => "bar series file",
        _ => "simulator scenario file",
    };

    private static string IdOf(SimulatorFileKind kind) => kind switch
    {
        SimulatorFileKind.Data => "SimulatorData",
        SimulatorFileKind.Bars => "SimulatorBars",
        _ => "SimulatorScenario",
    };

    public static IbConfigException UnknownTimeZone(string id) =>
        new("SimulatorUnknownTimeZone", IbErrorKind.InvalidData,
            $"Time zone '{id}' is not known on this machine. Use an IANA id such as US/Eastern, America/New_York or Europe/London.", id);

    public static IbConfigException InvalidReplaySpeed(double speed, double max) =>
        new("SimulatorInvalidReplay", IbErrorKind.InvalidArgument,
            $"Replay speed {speed} is outside 0..{max}. Use 1 for real time, 60 for a minute a second, or 0 to move the clock only when advanced.", speed);

    public static IbConfigException BarsWithoutContract(int conId) =>
        new("SimulatorInvalidReplay", IbErrorKind.InvalidArgument,
            $"Bars are given for conId {conId}, which no contract has. Add the contract to the data file's [Contracts].", conId);

    public static IbConfigException DuplicateBars(int conId) =>
        new("SimulatorInvalidReplay", IbErrorKind.InvalidArgument, $"ConId {conId} has two bar series. Give one per contract.", conId);

    public static IbConfigException ReplayBackwards(TimeSpan by) =>
        new("SimulatorInvalidReplay", IbErrorKind.InvalidArgument, $"The replay clock only moves forward; {by} is negative. Give a positive span.", by);

    public static IbConfigException InvalidContractHours(string contract, string why) =>
        new("SimulatorInvalidReplay", IbErrorKind.InvalidData,
            $"Contract {contract}: {why} Fix its TradingHours or LiquidHours in the data file, or leave them empty for always open.", contract);

    public static IbConfigException NoReplay() =>
        new("SimulatorNoReplay", IbErrorKind.InvalidOperation,
            "The simulator replays no bar series, so its clock cannot be advanced. Give it a data file with a [Bars] section.");
}
