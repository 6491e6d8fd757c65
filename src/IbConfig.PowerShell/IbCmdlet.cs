using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IbConfig.Core.Errors;
using IbConfig.Core.Machine;

namespace IbConfig.PowerShell;

/// <summary>
/// Base of every IbConfig cmdlet: cancellation tied to Ctrl+C (StopProcessing), running Core's async work on the pipeline
/// thread, and one way to turn failures into ErrorRecords with stable ids.
/// </summary>
public abstract class IbCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// The name of the session variable that, when it holds an <see cref="IbMachine"/>, replaces this machine for every
    /// IbConfig cmdlet of the session. TEST SEAM ONLY (the Pester tests install a fake process list or port source with
    /// <c>$global:IbConfigTestMachine = [IbConfig.Core.Machine.IbMachine]::Local.WithProcesses(...)</c> and remove it after).
    /// </summary>
    public const string TestMachineVariable = "IbConfigTestMachine";

    private IbMachine? _machine;

    /// <summary>The machine's seams (<see cref="IbMachine.Local"/> unless a test installed a fake one for the session), read once per cmdlet.</summary>
    protected IbMachine Machine => _machine ??= SessionState.PSVariable.GetValue(TestMachineVariable) as IbMachine ?? IbMachine.Local;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        // An error can end the pipeline without StopProcessing: cancel so no Core work outlives the cmdlet.
        _stopping.Cancel();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits for Core's async work on the pipeline thread (WriteObject must never run on another thread).</summary>
    protected T RunSync<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return work(StopToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Waits for Core's async work on the pipeline thread.</summary>
    protected void RunSync(Func<CancellationToken, Task> work) => RunSync<bool>(async ct => { await work(ct).ConfigureAwait(false); return true; });

    protected ErrorRecord NewError(string errorId, ErrorCategory category, object? target, string message, Exception? inner = null)
    {
        var exception = inner ?? new IbConfigException(errorId, IbErrorKind.InvalidOperation, message, target);
        var record = new ErrorRecord(exception, errorId, category, target);
        if (inner is not null && inner.Message != message) record.ErrorDetails = new ErrorDetails(message);
        return record;
    }

    protected static ErrorRecord ToErrorRecord(IbConfigException ex) =>
        new(ex, ex.ErrorId, ToCategory(ex.Kind), ex.Target);

    /// <summary>Non-terminating: one bad item in a pipeline must not stop the rest.</summary>
    protected void WriteIbError(IbConfigException ex) => WriteError(ToErrorRecord(ex));

    protected void WriteIbError(string errorId, ErrorCategory category, object? target, string message) =>
        WriteError(NewError(errorId, category, target, message));

    /// <summary>Terminating: only when nothing in this call can proceed.</summary>
    protected void ThrowIbError(IbConfigException ex) => ThrowTerminatingError(ToErrorRecord(ex));

    protected void ThrowIbError(string errorId, ErrorCategory category, object? target, string message) =>
        ThrowTerminatingError(NewError(errorId, category, target, message));

    public static ErrorCategory ToCategory(IbErrorKind kind) => kind switch
    {
        IbErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        IbErrorKind.InvalidData => ErrorCategory.InvalidData,
        IbErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        IbErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        IbErrorKind.ResourceBusy => ErrorCategory.ResourceBusy,
        IbErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        IbErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        IbErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        IbErrorKind.SecurityError => ErrorCategory.SecurityError,
        IbErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        IbErrorKind.ReadError => ErrorCategory.ReadError,
        IbErrorKind.WriteError => ErrorCategory.WriteError,
        _ => ErrorCategory.InvalidOperation,
    };
}
