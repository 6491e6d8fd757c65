using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PowerShellApi = System.Management.Automation.PowerShell;

namespace IbConfig.PowerShell;

/// <summary>
/// Gives an output type a serialisation depth in the current runspace, the first time a cmdlet is about to emit it.
/// Remoting writes one level and Export-Clixml two, which would flatten a health-check record's checks, or a setting's
/// source, to text. The usual fix is a types file, but any types file costs every Import-Module (docs/import-time.md), so
/// the module ships none and the cmdlets that emit such a type ask for its depth here, once per runspace and type.
/// </summary>
internal static class SerializationDepth
{
    private static readonly ConditionalWeakTable<Runspace, System.Collections.Concurrent.ConcurrentDictionary<Type, bool>> Registered = new();

    public static void Ensure(PSCmdlet cmdlet, Type type, int depth)
    {
        if (Runspace.DefaultRunspace is not { } runspace) return;
        var done = Registered.GetOrCreateValue(runspace);
        if (!done.TryAdd(type, true)) return; // asked once per runspace, even when it fails: a failure would fail again
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
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException)
        {
            // Only the depth is lost: say so and go on with the real work.
            cmdlet.WriteVerbose($"Could not set the serialisation depth of {type.Name} ({ex.Message}); through remoting and Export-Clixml its nested objects arrive as text.");
        }
    }
}
