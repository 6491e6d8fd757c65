using System;
using System.Globalization;
using System.Management.Automation;
using IbConfig.Core.Stores;

namespace IbConfig.PowerShell.Arguments;

/// <summary>
/// Lets a time-of-day parameter take every form a user has at hand: <c>23:55</c>, <c>23:55:00</c>, IBC's <c>11:55 PM</c>,
/// the profile XML's <c>11:55,PM</c>, a [TimeSpan] or a [DateTime] (its time of day). Strings become <c>HH:mm</c> (or
/// <c>HH:mm:ss</c>); with <see cref="AsDateTime"/> the result is today at that time. Anything else passes through unchanged,
/// so the parameter's own validation reports it.
/// </summary>
public sealed class TimeOfDayTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>Produce a [DateTime] (today at the time) instead of text, for [DateTime] parameters.</summary>
    public bool AsDateTime { get; set; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject pso ? pso.BaseObject : inputData;
        TimeSpan? time = value switch
        {
            TimeSpan span when span >= TimeSpan.Zero && span < TimeSpan.FromDays(1) => span,
            DateTime dateTime => AsDateTime ? null : dateTime.TimeOfDay, // a [DateTime] parameter keeps a whole date as given
            string text => StoreTime.Parse(text),
            _ => null,
        };
        if (time is not TimeSpan t) return inputData;
        if (AsDateTime) return DateTime.Today.Add(t);
        return t.ToString(t.Seconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
    }
}
