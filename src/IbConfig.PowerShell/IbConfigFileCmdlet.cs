using System;
using System.Linq;
using System.Management.Automation;
using IbConfig.Core.Discovery;
using IbConfig.Core.Errors;
using IbConfig.Core.Files;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell;

/// <summary>
/// Base of every cmdlet that reads or writes a settings file: the <c>-Path</c> parameter and its resolution (PowerShell
/// paths, <c>~</c>, PSDrives such as TestDrive:, and the discovered default), <c>-Force</c> for writers, and the one
/// guarded write (ShouldProcess, running-gateway guard, backup, atomic replace, verbose messages).
/// </summary>
/// <remarks>
/// <para><c>-Path</c> is declared here, named, pipeline-bound by property name (aliases FullName and PSPath, so
/// <c>Get-ChildItem jts.ini | ...</c> and Get-IbConfigBackup / Find-IbConfig output bind). A cmdlet that wants it positional
/// overrides the property with its own <c>[Parameter]</c> attribute.</para>
/// <para><c>-Force</c> is NOT a parameter here, because readers have nothing to force. A writer turns it on by overriding:
/// <c>[Parameter] public override SwitchParameter Force { get; set; }</c>; <see cref="SaveFile"/> honours it.</para>
/// </remarks>
public abstract class IbConfigFileCmdlet : IbCmdlet
{
    /// <summary>The settings file. Default: the first existing jts.ini that Find-IbConfig lists.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public virtual string? Path { get; set; }

    /// <summary>Write even though IB Gateway / TWS runs. Writers override this with a [Parameter] attribute.</summary>
    public virtual SwitchParameter Force { get; set; }

    /// <summary>How many backups of each file to keep (older ones are deleted after a write). Writers override this with a [Parameter] attribute.</summary>
    public virtual int KeepBackups { get; set; } = ConfigBackup.DefaultKeep;

    /// <summary>
    /// The file-system path of <see cref="Path"/>, or of the first existing jts.ini on this machine when -Path was not
    /// given. Nothing found is a terminating ConfigNotFound error that lists where it looked.
    /// </summary>
    protected string ResolveConfigPath()
    {
        if (!string.IsNullOrEmpty(Path)) return ResolveFileSystemPath(Path!);
        var locator = ConfigLocator.ForThisMachine();
        var found = locator.FindFirstExisting();
        if (found is not null)
        {
            WriteVerbose($"Using '{found}' (the first settings file found; pass -Path to choose another).");
            return found;
        }
        ThrowIbError(StoreFailure.NoJtsIni(locator.SearchedLocations));
        throw new InvalidOperationException(); // not reached: ThrowTerminatingError throws
    }

    /// <summary>
    /// A PowerShell path (relative, <c>~</c>, a PSDrive like TestDrive:, or a provider-qualified PSPath) as a file-system
    /// path. The item need not exist. A path on another provider (HKLM:, Env:) is a terminating PathNotFileSystem error.
    /// </summary>
    protected string ResolveFileSystemPath(string path)
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name != "FileSystem")
            ThrowIbError(StoreFailure.PathNotFileSystem(path, provider.Name));
        return resolved;
    }

    /// <summary>
    /// The one guarded write: asks ShouldProcess (<paramref name="whatIfDescription"/> is the action shown by -WhatIf and
    /// -Confirm), then writes through <see cref="ConfigFileWriter"/> (running-gateway guard unless -Force, backup, atomic
    /// replace, backups pruned to -KeepBackups). <paramref name="contentRead"/>: the bytes the change was planned from; the
    /// write is refused if the file no longer holds them. Returns null when -WhatIf or the user declined, or when the write
    /// failed — the failure has then been written as a non-terminating error (one file's failure must not stop a pipeline of files).
    /// </summary>
    /// <param name="asked">True when the caller has already asked ShouldProcess for this content (a repair asks per fix).</param>
    protected ConfigWriteResult? SaveFile(string path, byte[] newContent, string whatIfDescription, string? backupFolder = null, byte[]? contentRead = null, bool asked = false)
    {
        if (!asked && !ShouldProcess(path, whatIfDescription)) return null;
        var writer = Machine.Writer();
        try
        {
            if (Force && writer.RunningGatewayWarning(path) is { } warning) WriteWarning(warning);
            var result = writer.Write(path, newContent, Force, backupFolder, contentRead, KeepBackups);
            if (!result.Changed) WriteVerbose($"'{path}' already holds this content; nothing was written.");
            else
            {
                if (result.BackupPath is not null) WriteVerbose($"Saved the previous content of '{path}' to '{result.BackupPath}'.");
                WriteVerbose($"Wrote {result.BytesWritten} bytes to '{path}' (atomic replace).");
            }
            return result;
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return null;
        }
    }

    /// <summary>Reads a settings file whole; a missing, locked or unreadable file is written as a non-terminating error (null returned).</summary>
    protected byte[]? ReadFile(string path)
    {
        try
        {
            WriteVerbose($"Reading '{path}'.");
            return ConfigFileReader.ReadAllBytes(path);
        }
        catch (IbConfigException ex)
        {
            WriteIbError(ex);
            return null;
        }
    }
}
