using System.Collections.Generic;
using System.Linq;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Network;

/// <summary>
/// The words for a failed check: what the status means here and what to do, from the guide's troubleshooting and
/// docs/tws-protocol.md ("What a diagnosis must tell apart"). One place, so every status has exactly one remedy.
/// </summary>
internal static class ConnectionDiagnosis
{
    public static void Explain(IbConnectionResult result, string? detail, IReadOnlyList<int> portsTried, IReadOnlyList<int> clientIdsTried, IbConnectionRequest request)
    {
        var target = $"{result.ComputerName}:{result.Port}";
        var because = string.IsNullOrEmpty(detail) ? "" : $" ({detail})";
        var local = result.LocalAddress ?? "this computer's address";
        var timeout = $"{request.Timeout.TotalSeconds:0.###} s";
        (result.Diagnosis, result.Remedy) = result.StatusValue switch
        {
            IbConnectionStatus.Refused => (
                $"Nothing accepted a connection on {result.ComputerName}, port {string.Join(" or ", portsTried)}{because}: IB Gateway/TWS is not running, its API is not enabled, or it listens on another port.",
                $"Start IB Gateway or TWS and log in; tick Configure > Settings > API > 'Enable ActiveX and Socket Clients' and restart it; check the Socket Port (tried {string.Join(", ", portsTried)}; conventional: {ConventionalPort.Describe()}). Test-IbPort shows which ports are open."),
            IbConnectionStatus.TimedOut when result.FailedStageValue == ConnectionStage.Tcp => (
                $"No answer from {target}{because}: a firewall drops the connection, or the host is silent.",
                $"Allow TCP port {result.Port} inbound in the firewall of the gateway's computer (e.g. New-NetFirewallRule -DisplayName 'IB API' -Direction Inbound -Protocol TCP -LocalPort {result.Port} -Action Allow), check the address, or raise -TimeoutSec."),
            IbConnectionStatus.TimedOut => (
                $"The gateway stopped answering at the {StageName(result.FailedStageValue)} stage{because}.",
                "Look at the gateway's window for a dialog or an error, raise -TimeoutSec if it is busy (e.g. just after login), or restart it."),
            IbConnectionStatus.Unreachable => (
                $"There is no route to {result.ComputerName}{because}.",
                "Check the address and that this computer's network reaches the gateway's."),
            IbConnectionStatus.NameNotResolved => (
                $"The name '{result.ComputerName}' did not resolve{because}.",
                "Check the spelling, or give the gateway's IP address (127.0.0.1 for this computer)."),
            IbConnectionStatus.ClosedDuringHandshake => (
                result.FailedStageValue == ConnectionStage.Handshake
                    ? $"{target} accepted the connection and closed it before sending its version: the gateway does not trust {local}, 'Allow connections from localhost only' is on, or the API is disabled."
                    : $"{target} closed the connection right after start-API without an error: the gateway does not accept this client ({local}, client id {result.ClientId}).",
                $"Trust this computer's address: Add-IbTrustedIp {local} (or Configure > Settings > API > Trusted IPs), untick 'Allow connections from localhost only' for a remote client, make sure 'Enable ActiveX and Socket Clients' is ticked, then restart the gateway. With a Master API client id set, only that id may connect."),
            IbConnectionStatus.AwaitingAcceptance => (
                $"Connected to {target}, but it sent nothing within {timeout}: TWS is most likely showing the 'Accept incoming connection' dialog for {local}.",
                $"Click Accept in TWS, then add the address to Trusted IPs so it is not asked again: Add-IbTrustedIp {local} (with IBC: AcceptIncomingConnectionAction=accept)."),
            IbConnectionStatus.ClientIdInUse => (
                clientIdsTried.Count > 1
                    ? $"Client ids {string.Join(", ", clientIdsTried)} are all in use on {target} (error 326)."
                    : $"Client id {result.ClientId} is already in use on {target} (error 326): another client — often the bot itself, or a previous check that has not been released — is connected with it.",
                $"Use another id: -ClientId {NextFreeCandidate(clientIdsTried)}, or -FindFreeClientId to try upward; set $env:{IbConnectionRequest.ClientIdVariable} for a permanent health-check id. An id left by a crashed client is released within about a minute."),
            IbConnectionStatus.NotLoggedIn => (
                $"The handshake with {target} worked, but the gateway sent no next valid order id within {timeout}: it is running but not logged in, or a dialog (login, two-factor, existing session) is waiting.",
                "Log in to IB Gateway/TWS and answer any dialog in its window; with IBC, check its log. Then run the check again."),
            IbConnectionStatus.NoAccounts => (
                $"{target} answered but reported no managed accounts{because}.",
                "Finish the login (a pending dialog can hold the accounts back) and make sure the user has trading accounts; then run the check again."),
            IbConnectionStatus.UnsupportedVersion => (
                $"{target} did not agree on an API version{because} (IB's client-side error 506).",
                "Update IB Gateway/TWS to a current release; IbConfig speaks API versions v100..193, as every gateway since 2016 does."),
            IbConnectionStatus.ProtocolError => (
                $"The reply from {target} broke the TWS API framing at the {StageName(result.FailedStageValue)} stage{because} (IB's client-side error 507).",
                $"Make sure {result.Port} is the gateway's API Socket Port (Get-IbApiSetting) and not another service, and that nothing between (proxy, port forward) alters the bytes; restart the gateway if it persists."),
            IbConnectionStatus.NotTwsApi => (
                $"{target} answered with something that is not the TWS API{because}: another service listens on this port.",
                $"Point -Port at the Socket Port set in Configure > Settings > API (Get-IbApiSetting shows it; conventional: {ConventionalPort.Describe()})."),
            IbConnectionStatus.TlsDetected => (
                $"{target} answered with a TLS record: something on this port expects TLS, while the TWS API socket is plain TCP.",
                "Connect to the gateway's API port directly, not to a TLS endpoint or proxy; IbConfig, ib_insync and IB's own clients speak plain TCP to it."),
            IbConnectionStatus.TradingModeMismatch when result.AccountKindValue == TradingMode.Live => (
                $"LIVE trading account(s) {string.Join(", ", result.ManagedAccounts)} on {target}, where {(request.ExpectTradingMode == TradingMode.Paper ? "paper was expected" : "the port is a paper-trading port")}: a bot pointed here trades real money.",
                "Stop the bot. Log the gateway in with the paper user (paper accounts start DU or DF) — credentials, not ports, decide live or paper — or, if live is intended, use a live port and -ExpectTradingMode Live."),
            IbConnectionStatus.TradingModeMismatch => (
                $"Paper account(s) {string.Join(", ", result.ManagedAccounts)} on {target}, where live trading was expected.",
                "Log the gateway in with the live user, or run the check with -ExpectTradingMode Paper."),
            IbConnectionStatus.RequestRejected => (
                $"{target} refused the account-data request{because}.",
                "Tick Configure > Settings > API > 'Allow API account and financial information requests' if it is off, and check the user's permissions; -SkipAccountData checks the connection alone."),
            IbConnectionStatus.ConnectionLost => (
                $"{target} closed the session at the {StageName(result.FailedStageValue)} stage{because}: the gateway restarted, its port changed (error 1300), or it dropped the client.",
                "Look at the gateway's window and log; run the check again once it is up."),
            _ => (detail, null),
        };
    }

    private static string StageName(ConnectionStage? stage) => stage switch
    {
        ConnectionStage.Tcp => "TCP connect",
        ConnectionStage.Handshake => "version handshake",
        ConnectionStage.StartApi => "start-API",
        ConnectionStage.Accounts => "accounts",
        ConnectionStage.ServerTime => "server time",
        ConnectionStage.AccountData => "account data",
        _ => "unknown",
    };

    private static int NextFreeCandidate(IReadOnlyList<int> clientIdsTried)
    {
        var next = clientIdsTried.Count == 0 ? IbConnectionRequest.DefaultClientId : clientIdsTried.Max() + 1;
        return next == 1 ? 2 : next;
    }
}
