using System;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>One store's part of a <see cref="StoreEditPlan"/>: the store, its planned changes, and the bytes it was read from.</summary>
public sealed class StoreEdit
{
    internal StoreEdit(ISettingsStore store, Func<ISettingsStore, SettingPlan> planOn)
    {
        Store = store;
        PlanOn = planOn;
        Plan = planOn(store);
        ReadBytes = store.ContentRead;
    }

    public ISettingsStore Store { get; }

    public SettingStore Kind => Store.Kind;

    public string Path => Store.Path;

    public SettingPlan Plan { get; }

    /// <summary>The content the plan was made from: under the file's lock, a file that no longer holds it is planned again.</summary>
    internal byte[] ReadBytes { get; }

    /// <summary>Plans this edit on a store: the same requests, on the content the file holds under its lock (<see cref="StoreEditApplier"/>).</summary>
    internal Func<ISettingsStore, SettingPlan> PlanOn { get; }

    public bool HasChanges => Plan.HasChanges;

    /// <summary>"Set [IBGateway] TrustedIPs: 127.0.0.1,10.0.0.5 -> 127.0.0.1 (line 3)": the action -WhatIf shows.</summary>
    public string Describe() => "Set " + Plan.Describe();

    public override string ToString() => $"{Kind} {Path}: {Plan.Describe()}";
}
