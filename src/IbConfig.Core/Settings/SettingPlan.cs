using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Errors;

namespace IbConfig.Core.Settings;

/// <summary>
/// What a write would do, worked out before anything is written: the key changes, the errors (bad values, a live port
/// without permission), and notes worth a warning. A settings plan with any error has no changes (all or nothing); a
/// trusted-IP plan keeps the changes of its valid entries (each bad entry is its own error, the rest still apply).
/// </summary>
public sealed class SettingPlan
{
    public SettingPlan(string? path, IEnumerable<SettingChange> changes, IEnumerable<IbConfigException> errors, IEnumerable<string> notes, bool selectsLivePort)
    {
        Path = path;
        Changes = changes.ToArray();
        Errors = errors.ToArray();
        Notes = notes.ToArray();
        SelectsLivePort = selectsLivePort;
    }

    public string? Path { get; }

    public IReadOnlyList<SettingChange> Changes { get; }

    public IReadOnlyList<IbConfigException> Errors { get; }

    /// <summary>Things to tell the user (e.g. a guide key written to a file IB reads the real layout from).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when the plan sets a live-trading port (7496 or 4001): it deserves a High-impact confirmation.</summary>
    public bool SelectsLivePort { get; }

    /// <summary>True when nothing went wrong.</summary>
    public bool CanApply => Errors.Count == 0;

    public bool HasChanges => Changes.Count > 0;

    /// <summary>One line per key change, for -WhatIf and -Verbose.</summary>
    public string Describe() => string.Join("; ", Changes.Select(c => c.ToString()));
}
