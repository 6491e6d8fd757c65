using IbConfig.Core.Protocol;

namespace IbConfig.Core.Tests.Network;

/// <summary>
/// A scripted gateway for <see cref="ScriptedServer"/>: the happy path of docs/tws-protocol.md with switches to break each
/// step. Only what the client tests need; the full simulator lives in Core/Simulator.
/// </summary>
public sealed class FakeGateway
{
    public const string InUseText = "Unable to connect as the client id is already in use. Retry with a unique client id.";

    public int ServerVersion { get; set; } = 176;
    public string ConnectionTime { get; set; } = "20251115 20:30:45 EST";
    public string Accounts { get; set; } = "DU123456,DU654321";
    public long NextValidId { get; set; } = 7;
    public long CurrentTime { get; set; } = new DateTimeOffset(2025, 11, 16, 1, 30, 45, TimeSpan.Zero).ToUnixTimeSeconds();
    public int PositionsPerAccount { get; set; } = 2;
    public HashSet<int> ClientIdsInUse { get; } = new();
    public bool SendAccounts { get; set; } = true;
    public bool SendNextValidId { get; set; } = true;
    public bool AnswerCurrentTime { get; set; } = true;
    public bool CloseOnCurrentTime { get; set; }
    public bool CloseAfterStartApi { get; set; }
    public int RejectAccountSummaryWith { get; set; }
    public int ExtraNotices { get; set; }
    public string FarmText { get; set; } = "Market data farm connection is OK:usfarm";

    private int _sessionsEndedByClient;

    /// <summary>Sessions whose client half-closed or closed after start-API, as seen by the gateway.</summary>
    public int SessionsEndedByClient => Volatile.Read(ref _sessionsEndedByClient);

    public async Task RunAsync(ScriptedConnection c, CancellationToken ct)
    {
        await c.ReadHandshakeAsync(ct);
        await c.SendAsync(ServerVersion, ConnectionTime);
        var start = await c.ReadMessageAsync(ct);
        Assert.Equal((int)ClientMessageId.StartApi, start.Id);
        if (CloseAfterStartApi) { c.Close(); return; }
        if (ClientIdsInUse.Contains(start.GetInt(2)))
        {
            await c.SendAsync(Error(-1, 326, InUseText));
            c.Close();
            return;
        }
        await c.SendAsync(Error(-1, 2104, FarmText));
        if (SendAccounts) await c.SendAsync(15, 1, Accounts);
        await c.SendAsync(Error(-1, 2106, "HMDS data farm connection is OK:ushmds"));
        if (SendNextValidId) await c.SendAsync(9, 1, NextValidId);
        await c.SendAsync(Error(-1, 2158, "Sec-def data farm connection is OK:secdefnj"));
        for (var i = 0; i < ExtraNotices; i++) await c.SendAsync(Error(-1, 2119, $"Market data farm is connecting:usfarm{i}"));

        var accounts = Accounts.Split(',', StringSplitOptions.RemoveEmptyEntries);
        while (!ct.IsCancellationRequested)
        {
            TwsMessage request;
            try
            {
                request = await c.ReadMessageAsync(ct);
            }
            catch (TwsProtocolException ex) when (ex.Failure == ProtocolFailure.Closed)
            {
                Interlocked.Increment(ref _sessionsEndedByClient);
                return;  // the server's side closes now, as a gateway does when its client leaves
            }
            switch ((ClientMessageId)request.Id)
            {
                case ClientMessageId.ReqCurrentTime when CloseOnCurrentTime:
                    c.Close();
                    return;
                case ClientMessageId.ReqCurrentTime when AnswerCurrentTime:
                    await c.SendAsync(49, 1, CurrentTime);
                    break;
                case ClientMessageId.ReqAccountSummary when RejectAccountSummaryWith != 0:
                    await c.SendAsync(Error(request.GetInt(2), RejectAccountSummaryWith, "Account summary requests are not allowed"));
                    break;
                case ClientMessageId.ReqAccountSummary:
                    var reqId = request.GetInt(2);
                    foreach (var account in accounts)
                        foreach (var tag in request.GetString(4).Split(','))
                            await c.SendAsync(63, 1, reqId, account, tag, "100000.00", "USD");
                    await c.SendAsync(64, 1, reqId);
                    break;
                case ClientMessageId.ReqPositions:
                    foreach (var account in accounts)
                        for (var i = 0; i < PositionsPerAccount; i++)
                            await c.SendAsync(61, 3, account, 265598 + i, "AAPL", "STK", "", 0, "", "", "NASDAQ", "USD", "AAPL", "NMS", "10", 150.25);
                    await c.SendAsync(62, 1);
                    break;
            }
        }
    }

    /// <summary>ERR_MSG in the layout of <see cref="ServerVersion"/>: the advancedOrderRejectJson field only from 166.</summary>
    public object[] Error(int id, int code, string text) =>
        ServerVersion >= TwsNotice.AdvancedOrderRejectVersion ? new object[] { 4, 2, id, code, text, "" } : new object[] { 4, 2, id, code, text };
}
