using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IbConfig.Core.Ibc;

/// <summary>Reads LF- or CRLF-terminated ASCII lines from a stream, refusing a line over <see cref="IbcCommandClient.MaxLineBytes"/>.</summary>
internal sealed class LineReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>The next line without its terminator, or null when the peer closed the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new MemoryStream();
        while (true)
        {
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] != (byte)'\n') continue;
                line.Write(_buffer, _start, i - _start);
                _start = i + 1;
                return Decode(line);
            }
            line.Write(_buffer, _start, _end - _start);
            if (line.Length > IbcCommandClient.MaxLineBytes)
                throw new InvalidDataException($"A reply line longer than {IbcCommandClient.MaxLineBytes} bytes: this is not IBC's command server.");
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            if (_end == 0) return line.Length == 0 ? null : Decode(line);
        }
    }

    private static string Decode(MemoryStream line)
    {
        var text = Encoding.ASCII.GetString(line.GetBuffer(), 0, (int)line.Length);
        return text.TrimEnd('\r');
    }
}
