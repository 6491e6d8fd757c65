using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IbConfig.Core.Protocol;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Answers the requests of a connected client (after START_API) from the simulator's accounts and positions. Stateless
/// apart from its configuration, so every session shares one. Never pretends to trade: order requests are refused.
/// </summary>
internal sealed class SimulatorResponder
{
    private readonly IReadOnlyList<SimulatedAccount> _accounts;
    private readonly IReadOnlyList<SimulatedPosition> _positions;
    private readonly bool _readOnly;
    private readonly int _nextValidOrderId;
    private readonly Func<DateTimeOffset> _clock;

    public SimulatorResponder(IReadOnlyList<SimulatedAccount> accounts, IReadOnlyList<SimulatedPosition> positions, bool readOnly, int nextValidOrderId, Func<DateTimeOffset> clock)
    {
        _accounts = accounts;
        _positions = positions;
        _readOnly = readOnly;
        _nextValidOrderId = nextValidOrderId;
        _clock = clock;
        ManagedAccounts = string.Join(",", accounts.Select(a => a.Id));
    }

    /// <summary>The MANAGED_ACCTS text: the account ids, comma-separated.</summary>
    public string ManagedAccounts { get; }

    /// <summary>What a client receives right after START_API (tws-protocol.md, "Handshake" step 4).</summary>
    public IReadOnlyList<byte[]> Welcome(int serverVersion) => new[]
    {
        GatewayMessages.ManagedAccounts(ManagedAccounts),
        GatewayMessages.NextValidId(_nextValidOrderId),
        GatewayMessages.Error(serverVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.MarketDataFarmOk, GatewayErrorCode.MarketDataFarmOkText),
        GatewayMessages.Error(serverVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.HistoricalDataFarmOk, GatewayErrorCode.HistoricalDataFarmOkText),
        GatewayMessages.Error(serverVersion, GatewayErrorCode.NoRequestId, GatewayErrorCode.SecDefFarmOk, GatewayErrorCode.SecDefFarmOkText),
    };

    public SimulatorResponse Respond(TwsMessage request, int serverVersion)
    {
        try
        {
            return request.Id switch
            {
                (int)ClientMessageId.ReqCurrentTime => Served("REQ_CURRENT_TIME", GatewayMessages.CurrentTime(_clock().ToUnixTimeSeconds())),
                (int)ClientMessageId.ReqManagedAccounts => Served("REQ_MANAGED_ACCTS", GatewayMessages.ManagedAccounts(ManagedAccounts)),
                (int)ClientMessageId.ReqIds => Served("REQ_IDS", GatewayMessages.NextValidId(_nextValidOrderId)),
                (int)ClientMessageId.ReqAccountSummary => AccountSummary(request),
                (int)ClientMessageId.CancelAccountSummary => new SimulatorResponse(SimulatorEventKind.Request, $"CANCEL_ACCOUNT_SUMMARY {request.GetInt(2)}", Array.Empty<byte[]>()),
                (int)ClientMessageId.ReqPositions => Positions(),
                (int)ClientMessageId.CancelPositions => new SimulatorResponse(SimulatorEventKind.Request, "CANCEL_POSITIONS", Array.Empty<byte[]>()),
                (int)ClientMessageId.StartApi => Unsupported(request, serverVersion, "it was already accepted on this connection"),
                _ when Enum.IsDefined(typeof(OrderMessageId), request.Id) => Order(request, serverVersion),
                _ => Unsupported(request, serverVersion, null),
            };
        }
        catch (TwsProtocolException ex)
        {
            // One request with unreadable fields: say so (IB's 320) and keep the connection, whose framing is intact.
            var id = ReadRequestId(request, serverVersion);
            return new SimulatorResponse(SimulatorEventKind.BadRequest, ex.Message,
                new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.BadRequest, $"Error reading request: {ex.Message}") });
        }
    }

    private SimulatorResponse AccountSummary(TwsMessage request)
    {
        var reqId = request.GetInt(2);
        var group = request.GetString(3);
        // Duplicates and unknown tags are dropped, as IB does; the reply goes account by account.
        var tags = request.GetString(4).Split(',').Select(AccountSummaryTag.Canonical).Where(t => t is not null).Select(t => t!).Distinct().ToArray();
        var frames = new List<byte[]>(_accounts.Count * tags.Length + 1);
        foreach (var account in _accounts)
            foreach (var tag in tags)
                frames.Add(GatewayMessages.AccountSummary(reqId, account.Id, tag, account.GetValue(tag), account.GetCurrency(tag)));
        frames.Add(GatewayMessages.AccountSummaryEnd(reqId));
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_ACCOUNT_SUMMARY {reqId} group {group}: {tags.Length} tag(s) x {_accounts.Count} account(s)", frames);
    }

    private SimulatorResponse Positions()
    {
        var frames = _positions.Select(GatewayMessages.Position).ToList();
        frames.Add(GatewayMessages.PositionEnd());
        return new SimulatorResponse(SimulatorEventKind.Request, $"REQ_POSITIONS: {_positions.Count} position(s)", frames);
    }

    private SimulatorResponse Order(TwsMessage request, int serverVersion)
    {
        var name = RequestIdLocator.NameOf(request.Id)!;
        if (!_readOnly) return Unsupported(request, serverVersion, "the simulator never trades");
        var id = ReadRequestId(request, serverVersion);
        return new SimulatorResponse(SimulatorEventKind.ReadOnlyRejected, $"{name} refused: the API is read-only",
            new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.ReadOnly, GatewayErrorCode.ReadOnlyText) });
    }

    private static SimulatorResponse Unsupported(TwsMessage request, int serverVersion, string? why)
    {
        var id = ReadRequestId(request, serverVersion);
        var name = RequestIdLocator.NameOf(request.Id) is string known ? $"{known} ({request.Id})" : $"Request {Shorten(request.Fields[0])}";
        var text = $"{name} is not supported by the simulator" + (why is null ? "." : $": {why}.");
        return new SimulatorResponse(SimulatorEventKind.Unsupported, text,
            new[] { GatewayMessages.Error(serverVersion, id, GatewayErrorCode.NotSupported, text) });
    }

    private static int ReadRequestId(TwsMessage request, int serverVersion)
    {
        var index = RequestIdLocator.IndexOf(request.Id, serverVersion);
        return index > 0 && index < request.Count && int.TryParse(request.Fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : GatewayErrorCode.NoRequestId;
    }

    private static string Shorten(string text) => text.Length <= 16 ? text : text.Substring(0, 16) + "…";

    private static SimulatorResponse Served(string what, byte[] frame) => new(SimulatorEventKind.Request, what, new[] { frame });
}
