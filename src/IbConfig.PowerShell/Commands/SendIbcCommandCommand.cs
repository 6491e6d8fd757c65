using System;
using System.Runtime.InteropServices;
using System.Management.Automation;
using IbConfig.Core.Errors;
using IbConfig.Core.Ibc;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Commands;

/// <summary>Sends STOP, RESTART, RECONNECTDATA or RECONNECTACCOUNT to IBC's command server and returns its answer.</summary>
[Cmdlet(VerbsCommunications.Send, "IbcCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(IbcCommandResult))]
public sealed class SendIbcCommandCommand : IbCmdlet
{
    /// <summary>Binds by value too: <c>'ReconnectData' | Send-IbcCommand</c>.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public IbcCommand Command { get; set; }

    /// <summary>Default: CommandServerPort from IBC's config.ini, else 7462. Not bound from the pipeline: a piped Port is usually the API port.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    /// <summary>IBC's config.ini to read CommandServerPort from; default: IBC's usual places.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? IbcConfigPath { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] ComputerName { get; set; } = { "127.0.0.1" };

    [Parameter]
    [ValidateRange(100, 600_000)]
    public int TimeoutMs { get; set; } = 10_000;

    protected override void ProcessRecord()
    {
        var port = Port ?? PortFromIbcConfig();
        foreach (var computerName in ComputerName) Send(computerName, port);
    }

    private void Send(string computerName, int port)
    {
        var wire = IbcCommandClient.WireName(Command);
        var target = $"IBC command server {computerName}:{port}";
        if (!ShouldProcess(target, $"Send {wire}")) return;
        // Stop and Restart end the gateway's session: confirm them as ConfirmImpact High would, the others as Medium.
        if (Command is IbcCommand.Stop or IbcCommand.Restart && !ConfirmedHighImpact(target, wire)) return;

        WriteVerbose($"Sending {wire} to {computerName}:{port}.");
        var client = new IbcCommandClient(Machine.Connector()) { ReplyTimeout = TimeSpan.FromMilliseconds(TimeoutMs) };
        IbcCommandResult result;
        try
        {
            result = RunSync(ct => client.SendAsync(computerName, port, Command, ct));
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return;
        }
        foreach (var line in result.Info) WriteVerbose($"IBC: INFO {line}");
        WriteObject(result);
        if (result.StatusValue == IbcReplyStatus.Error)
            WriteIbError(IbcFailure.CommandRejected(wire, result.Reply, result));
        else if (result.StatusValue == IbcReplyStatus.NoReply)
            WriteIbError(IbcFailure.CommandNoReply(wire, result.Reply, result));
    }

    private int PortFromIbcConfig()
    {
        try
        {
            var candidates = IbcConfig.CandidatePaths(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows));
            var (port, source) = IbcCommandServerPort.Find(IbcConfigPath is null ? null : GetUnresolvedProviderPathFromPSPath(IbcConfigPath), candidates);
            WriteVerbose($"CommandServerPort {port} ({source}).");
            return port;
        }
        catch (IbConfigException ex)
        {
            ThrowIbError(ex);
            throw; // not reached: ThrowTerminatingError throws
        }
    }

    private bool ConfirmedHighImpact(string target, string wire)
    {
        // -Confirm already asked in ShouldProcess, and -Confirm:$false means "don't ask": no second question either way.
        if (MyInvocation.BoundParameters.ContainsKey("Confirm")) return true;
        // A ConfirmPreference of Medium or Low made ShouldProcess ask already; None never asks.
        var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
        if (!Enum.TryParse(preference?.ToString(), true, out ConfirmImpact impact) || impact != ConfirmImpact.High) return true;
        return ShouldContinue($"Send {wire} to {target}? The gateway's API session ends and every connected bot is disconnected.",
            "Confirm (high impact)");
    }
}
