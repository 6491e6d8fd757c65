using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Stores;

/// <summary>What <see cref="StoreEditApplier.Apply"/> did: one result per store written or already up to date, one error per store that failed.</summary>
public sealed class StoreEditOutcome
{
    internal StoreEditOutcome(IEnumerable<IbStoreWriteResult> results, IEnumerable<IbConfigException> errors, IEnumerable<string> warnings, IEnumerable<string> notes)
    {
        Results = results.ToArray();
        Errors = errors.ToArray();
        Warnings = warnings.ToArray();
        Notes = notes.ToArray();
    }

    public IReadOnlyList<IbStoreWriteResult> Results { get; }

    public IReadOnlyList<IbConfigException> Errors { get; }

    /// <summary>With force: the running instances that may undo a change when they exit.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>What the user may want to know (-Verbose): a file another writer changed after it was read, and planned again.</summary>
    public IReadOnlyList<string> Notes { get; }
}
