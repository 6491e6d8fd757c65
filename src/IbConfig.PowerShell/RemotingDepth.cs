using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PowerShellApi = System.Management.Automation.PowerShell;

namespace IbConfig.PowerShell;

/// <summary>
/// Gives an output type a remoting serialisation depth in the current runspace, the first time a cmdlet is about to emit
/// it. Remoting serialises one level deep, which would flatten a health-check record's checks to text; the usual fix is a
/// types file, but any types file costs every Import-Module (docs/import-time.md), so the module ships none and the one
/// cmdlet that needs the depth asks for it here, once per runspace.
/// </summary>
internal static class RemotingDepth
{
    private static readonly ConditionalWeakTable<Runspace, object> Registered = new();

    public static void Ensure(PSCmdlet cmdlet, Type type, int depth)
    {
        if (Runspace.DefaultRunspace is not { } runspace || Registered.TryGetValue(runspace, out _)) return;
        try
        {
            // A command, not a script: it also runs in a NoLanguage (JEA) session.
            using var ps = PowerShellApi.Create(RunspaceMode.CurrentRunspace);
            ps.AddCommand("Microsoft.PowerShell.Utility\\Update-TypeData")
                .AddParameter("TypeName", type.FullName)
                .AddParameter("SerializationDepth", depth)
                .AddParameter("Force");
            ps.Invoke();
            if (ps.HadErrors) throw new InvalidOperationException(ps.Streams.Error[0].ToString());
            Registered.Add(runspace, type);
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            // Only remoting depth is lost: say so and go on with the real work.
            cmdlet.WriteVerbose($"Could not set the serialisation depth of {type.Name} ({ex.Message}); through remoting its nested objects arrive as text.");
        }
    }
}
