using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Simulator;

/// <summary>
/// Everything one connection sends, in one ordered queue with one writer at a time (docs/simulator.md, "Sending"):
/// answers, order news, market pushes and fault notices. The sender that finds the queue idle writes, up to and including
/// its own frames; frames queued behind them meanwhile go on in a writer on the thread pool. Frames the client did not ask
/// for count against one cap; a client that lets more pile up is not reading and is dropped.
/// </summary>
internal sealed class SessionOutbox
{
    /// <summary>Unasked frames waiting behind the current write beyond which a client is deemed not to read.</summary>
    public const int MaxQueuedFrames = 50_000;

    /// <summary>The same cap in bytes: pushed history bars are larger than ticks.</summary>
    public const long MaxQueuedBytes = 32L * 1024 * 1024;

    /// <summary>Frames are copied into writes of about this size; a longer frame is written from its own array.</summary>
    private const int ChunkBytes = 64 * 1024;

    private static readonly Task<bool> Refused = Task.FromResult(false);
    private static readonly Task<bool> Queued = Task.FromResult(true);

    private readonly object _gate = new();
    private readonly Stream _stream;
    private readonly TimeSpan _writeTimeout;
    private readonly Action<string> _overflowed;
    private readonly Action<byte[], bool>? _trace;
    private readonly MemoryStream _chunk = new();
    private CancellationTokenSource? _writeGuard;
    private List<byte[]> _pending = new();
    private List<byte[]>? _spare;
    /// <summary>Frames queued from elsewhere while an answer is being made: they go out behind it.</summary>
    private List<byte[]>? _held;
    private long _heldBytes;
    /// <summary>Senders waiting on held frames: how far into the held frames theirs end.</summary>
    private List<(int End, TaskCompletionSource<bool> Written)>? _heldWaiters;
    private bool _answering;
    private bool _writing;
    private bool _closed;
    private int _unaskedFrames;
    private long _unaskedBytes;
    private long _queued;
    private long _written;
    /// <summary>Senders waiting for their frames to be written by a writer that is not theirs, oldest first.</summary>
    private Queue<(long Through, TaskCompletionSource<bool> Written)>? _waiters;

    /// <param name="overflowed">Called (outside the lock) with the reason when the cap is passed; it closes the connection.</param>
    /// <param name="trace">Called under the lock for each frame queued, so the trace is in the order of the wire.</param>
    public SessionOutbox(Stream stream, TimeSpan writeTimeout, Action<string> overflowed, Action<byte[], bool>? trace)
    {
        _stream = stream;
        _writeTimeout = writeTimeout;
        _overflowed = overflowed;
        _trace = trace;
    }

    /// <summary>Frames waiting to be written (not counting a write under way).</summary>
    public int QueuedFrameCount
    {
        get { lock (_gate) return _pending.Count + (_held?.Count ?? 0); }
    }

    public bool IsClosed
    {
        get { lock (_gate) return _closed; }
    }

    /// <summary>
    /// Starts sending. Every write is bounded by the guard: armed for the write time-out around a write that waits, it
    /// also ends writes when it is cancelled from outside (the simulator stopping).
    /// </summary>
    public void Open(CancellationTokenSource writeGuard) => _writeGuard = writeGuard;

    /// <summary>From now until <see cref="AnswerAsync"/>, frames queued from elsewhere wait behind the answer being made.</summary>
    public void BeginAnswer()
    {
        lock (_gate) _answering = true;
    }

    /// <summary>
    /// Queues an answer (then whatever was held behind it) and completes once the answer is written, so a client that does
    /// not read its answers holds its own request loop; false when the connection is closed or the write failed.
    /// </summary>
    public Task<bool> AnswerAsync(IReadOnlyList<byte[]> frames, bool handshake = false) => Add(frames, asked: true, handshake, wait: true);

    /// <summary>Queues frames the client did not ask for and returns at once (the caller may be the replay or another client).</summary>
    public void Post(IReadOnlyList<byte[]> frames) => _ = Add(frames, asked: false, handshake: false, wait: false);

    /// <summary>Queues frames the client did not ask for; completes true once they are written, false when they never will be.</summary>
    public Task<bool> SendAsync(IReadOnlyList<byte[]> frames) => Add(frames, asked: false, handshake: false, wait: true);

    /// <summary>Drops everything queued and refuses what comes: the connection is gone.</summary>
    public void Close()
    {
        List<TaskCompletionSource<bool>>? failed = null;
        lock (_gate)
        {
            _closed = true;
            _pending.Clear();
            _spare = null;
            _held = null;
            _heldBytes = 0;
            _unaskedFrames = 0;
            _unaskedBytes = 0;
            if (_waiters is not null) foreach (var (_, written) in _waiters) (failed ??= new()).Add(written);
            if (_heldWaiters is not null) foreach (var (_, written) in _heldWaiters) (failed ??= new()).Add(written);
            _waiters = null;
            _heldWaiters = null;
        }
        if (failed is null) return;
        foreach (var written in failed) written.TrySetResult(false);
    }

    private Task<bool> Add(IReadOnlyList<byte[]> frames, bool asked, bool handshake, bool wait)
    {
        string? overflow = null;
        TaskCompletionSource<bool>? written = null;
        long through;
        lock (_gate)
        {
            if (_closed || _writeGuard is null) return Refused;
            if (!asked && _answering)
            {
                // Numbered and traced only once the answer is queued, when they take their place on the wire.
                _held ??= new List<byte[]>();
                foreach (var frame in frames)
                {
                    _held.Add(frame);
                    _heldBytes += frame.Length;
                }
                if (wait) (_heldWaiters ??= new()).Add((_held.Count, written = NewWaiter()));
            }
            else
            {
                Enqueue(frames, asked, handshake);
            }
            // An answer's sender waits for the answer, not for what was held behind it.
            through = _queued;
            if (asked) ReleaseHeld();
            if (_unaskedFrames + (_held?.Count ?? 0) > MaxQueuedFrames || _unaskedBytes + _heldBytes > MaxQueuedBytes)
                overflow = $"the client left more than {MaxQueuedFrames:N0} messages or {MaxQueuedBytes / (1024 * 1024)} MB unread";
            else if (written is not null)
                return written.Task;
            else if (!_writing && _pending.Count > 0 && !_answering)
                _writing = true;
            else if (!wait || through <= _written)
                return Queued;
            else
            {
                (_waiters ??= new()).Enqueue((through, written = NewWaiter()));
                return written.Task;
            }
        }
        if (overflow is null) return WriteAsync(through);
        _overflowed(overflow);
        Close();
        return Refused;
    }

    private void Enqueue(IReadOnlyList<byte[]> frames, bool asked, bool handshake)
    {
        foreach (var frame in frames)
        {
            _pending.Add(frame);
            _trace?.Invoke(frame, handshake);
            if (asked) continue;
            _unaskedFrames++;
            _unaskedBytes += frame.Length;
        }
        _queued += frames.Count;
    }

    /// <summary>The answer is queued: what waited behind it follows, and its senders' waits get their place.</summary>
    private void ReleaseHeld()
    {
        _answering = false;
        if (_held is not { } held) return;
        var start = _queued;
        Enqueue(held, asked: false, handshake: false);
        _held = null;
        _heldBytes = 0;
        if (_heldWaiters is null) return;
        foreach (var (end, written) in _heldWaiters) (_waiters ??= new()).Enqueue((start + end, written));
        _heldWaiters = null;
    }

    private static TaskCompletionSource<bool> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The one writer: writes batches until the frames through <paramref name="through"/> are out, then hands on.</summary>
    private async Task<bool> WriteAsync(long through)
    {
        try
        {
            while (true)
            {
                List<byte[]> batch;
                lock (_gate)
                {
                    if (_closed) return false;
                    if (_pending.Count == 0)
                    {
                        _writing = false;
                        return true;
                    }
                    if (_written >= through) break;
                    batch = _pending;
                    _pending = _spare ?? new List<byte[]>();
                    _spare = null;
                    _unaskedFrames = 0;
                    _unaskedBytes = 0;
                }
                await WriteBatchAsync(batch).ConfigureAwait(false);
                Queue<(long, TaskCompletionSource<bool>)>? due = null;
                lock (_gate)
                {
                    _written += batch.Count;
                    batch.Clear();
                    _spare = batch;
                    while (_waiters is { Count: > 0 } waiters && waiters.Peek().Through <= _written)
                        (due ??= new()).Enqueue(waiters.Dequeue());
                }
                if (due is not null)
                    foreach (var (_, written) in due) written.TrySetResult(true);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The session's own loop notices the closed stream and says why it ended; here the queue only needs freeing.
            _stream.Dispose();
            Close();
            return false;
        }
        // The sender's own frames are out but others queued meanwhile: a sender (the replay, another client's request)
        // must not be kept writing someone else's frames, so the rest goes on in the thread pool.
        _ = Task.Run(() => WriteAsync(long.MaxValue));
        return true;
    }

    private async Task WriteBatchAsync(List<byte[]> batch)
    {
        foreach (var frame in batch)
        {
            if (frame.Length >= ChunkBytes)
            {
                await FlushChunkAsync().ConfigureAwait(false);
                await WriteGuardedAsync(frame, frame.Length).ConfigureAwait(false);
                continue;
            }
            _chunk.Write(frame, 0, frame.Length);
            if (_chunk.Length >= ChunkBytes) await FlushChunkAsync().ConfigureAwait(false);
        }
        await FlushChunkAsync().ConfigureAwait(false);
    }

    private async Task FlushChunkAsync()
    {
        if (_chunk.Length == 0) return;
        await WriteGuardedAsync(_chunk.GetBuffer(), (int)_chunk.Length).ConfigureAwait(false);
        _chunk.SetLength(0);
    }

    /// <summary>One write, given up (and the connection with it) when the client does not read for the write time-out.</summary>
    private async Task WriteGuardedAsync(byte[] bytes, int count)
    {
        var guard = _writeGuard!;
        var write = _stream.WriteAsync(bytes, 0, count, guard.Token);
        // A reader keeps the socket's send buffer free, so a write nearly always completes at once: the timer is armed
        // only for one that waits, and the token, passed already, still ends it when the timer fires.
        var waits = !write.IsCompleted;
        if (waits) guard.CancelAfter(_writeTimeout);
        await write.ConfigureAwait(false);
        if (waits) guard.CancelAfter(Timeout.Infinite);
    }
}
