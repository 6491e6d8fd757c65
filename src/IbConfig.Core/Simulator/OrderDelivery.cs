using System;
using System.Collections.Generic;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Sends frames to every connected client the predicate picks, each rendered for that client's server version, queued
/// behind what the client was already sent (the simulator's sessions implement it).
/// </summary>
internal delegate void OrderDelivery(Func<SimulatorClientState, bool> to, Func<int, IReadOnlyList<byte[]>> render);
