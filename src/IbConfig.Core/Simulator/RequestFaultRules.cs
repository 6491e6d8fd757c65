using System;
using System.Collections.Generic;
using System.Threading;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The Pacing and Silence faults in force: each hits the requests it names, for its clients, until its time or its count
/// runs out. Sessions ask it about every request, so the common case (no rule) is one volatile read.
/// </summary>
internal sealed class RequestFaultRules
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();
    private int _count;

    public void Add(SimulatorFault fault, TimeSpan now)
    {
        lock (_gate)
        {
            _rules.Add(new Rule(fault, fault.DurationValue > TimeSpan.Zero ? now + fault.DurationValue : TimeSpan.MaxValue, fault.Count ?? int.MaxValue));
            Volatile.Write(ref _count, _rules.Count);
        }
    }

    /// <summary>The fault that takes this request, the oldest first, or null when it is served normally.</summary>
    public SimulatorFault? Take(int messageId, int? clientId, TimeSpan now)
    {
        if (Volatile.Read(ref _count) == 0) return null;
        lock (_gate)
        {
            _rules.RemoveAll(r => r.Until <= now || r.Remaining <= 0);
            Volatile.Write(ref _count, _rules.Count);
            foreach (var rule in _rules)
            {
                if (!rule.Fault.Requests.Contains(messageId) || !rule.Fault.Concerns(clientId)) continue;
                rule.Remaining--;
                return rule.Fault;
            }
            return null;
        }
    }

    private sealed class Rule
    {
        public Rule(SimulatorFault fault, TimeSpan until, int remaining)
        {
            Fault = fault;
            Until = until;
            Remaining = remaining;
        }

        public SimulatorFault Fault { get; }

        public TimeSpan Until { get; }

        public int Remaining { get; set; }
    }
}
