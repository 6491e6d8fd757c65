using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using IbConfig.Core.Errors;
using IbConfig.Core.Protocol;
using IbConfig.Core.Text;

namespace IbConfig.Core.Simulator;

/// <summary>
/// The JSON-lines trace of every request a simulator receives and every frame it sends, one object per line, so a bot's
/// CI can assert on the conversation with jq or a few lines of script (docs/simulator.md, "Trace"):
/// <c>{"time":"...","session":1,"clientId":3,"direction":"request","messageId":49,"name":"REQ_CURRENT_TIME","fields":["49","1"]}</c>.
/// Lines are written whole and flushed at once, so the file can be read while the simulator runs.
/// </summary>
internal sealed class SimulatorTraceLog : IDisposable
{
    private readonly object _gate = new();
    private readonly TextWriter _writer;
    private readonly Func<DateTimeOffset> _clock;

    private SimulatorTraceLog(TextWriter writer, Func<DateTimeOffset> clock)
    {
        _writer = writer;
        _clock = clock;
    }

    /// <summary>Creates (or replaces) the trace file; throws <see cref="IbConfigException"/> (SimulatorTraceUnwritable) with the reason.</summary>
    public static SimulatorTraceLog Create(string path, Func<DateTimeOffset> clock)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            return new SimulatorTraceLog(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" }, clock);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw SimulatorFailure.TraceUnwritable(path, ex);
        }
    }

    public void Request(long session, int? clientId, TwsMessage request) =>
        Write(session, clientId, "request", request.Id, RequestIdLocator.NameOf(request.Id), request.Fields);

    /// <summary>Records one outgoing frame (length prefix included); the handshake's version answer is named SERVER_VERSION.</summary>
    public void Reply(long session, int? clientId, byte[] frame, bool handshake)
    {
        var payload = new byte[frame.Length - 4];
        Array.Copy(frame, 4, payload, 0, payload.Length);
        var message = new TwsMessage(FrameReader.SplitFields(payload));
        var name = handshake ? "SERVER_VERSION" : Enum.IsDefined(typeof(ServerMessageId), message.Id) ? ((ServerMessageId)message.Id).ToString() : null;
        Write(session, clientId, "reply", handshake ? null : message.Id, name, message.Fields);
    }

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }

    private void Write(long session, int? clientId, string direction, int? messageId, string? name, IReadOnlyList<string> fields)
    {
        var line = new JsonWriter().BeginObject()
            .Property("time", _clock().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
            .Property("session", session)
            .Property("clientId", clientId)
            .Property("direction", direction)
            .Property("messageId", messageId)
            .Property("name", name)
            .Property("fields", fields)
            .EndObject()
            .ToString();
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A late reply after the simulator stopped: the trace is closed.
            }
        }
    }
}
