namespace IbConfig.Core.Ibc;

/// <summary>How IBC answered a command: its final <c>OK</c> or <c>ERROR</c> line, or nothing before the socket closed or timed out.</summary>
public enum IbcReplyStatus
{
    Ok,
    Error,
    NoReply,
}
