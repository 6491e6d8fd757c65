using System.Text;
using BenchmarkDotNet.Attributes;
using IbConfig.Core.Ini;
using IbConfig.Core.Settings;
using IbConfig.Core.Stores;

namespace IbConfig.Settings.Bench;

/// <summary>
/// What Get-IbApiSetting and Set-IbApiSetting cost on the samples (a few hundred bytes each) and on a pathological
/// 100,000-line jts.ini (IB never writes one, but the document must stay linear).
/// </summary>
[MemoryDiagnoser]
public class SettingsBenchmarks
{
    private byte[] _guide = Array.Empty<byte>();
    private byte[] _windows = Array.Empty<byte>();
    private byte[] _huge = Array.Empty<byte>();
    private string _realLayout = "";
    private string _ibc = "";

    [GlobalSetup]
    public void Setup()
    {
        var samples = FindSamples();
        _guide = File.ReadAllBytes(Path.Combine(samples, "guide-layout", "jts.ini"));
        _windows = File.ReadAllBytes(Path.Combine(samples, "windows-crlf-bom", "jts.ini"));
        _realLayout = Path.Combine(samples, "real-layout", "jts.ini");
        _ibc = Path.Combine(samples, "ibc", "config.ini");
        var huge = new StringBuilder("[IBGateway]\r\n");
        for (var i = 0; i < 100_000; i++) huge.Append("key").Append(i).Append("=value").Append(i).Append("\r\n");
        _huge = Encoding.UTF8.GetBytes(huge.ToString());
    }

    [Benchmark(Description = "parse guide-layout jts.ini")]
    public IniDocument ParseGuide() => IniDocument.Parse(_guide, "jts.ini");

    [Benchmark(Description = "typed settings of a CRLF+BOM jts.ini")]
    public IbApiSettings ReadWindows() => new JtsIniSettings(IniDocument.Parse(_windows, "jts.ini")).Read();

    [Benchmark(Description = "effective settings: jts.ini + ibg.xml + IBC config.ini from disk")]
    public IbApiSettings Effective() => SettingsStoreSet.Open(_realLayout, null, _ibc, Array.Empty<string>()).Effective();

    [Benchmark(Description = "edit one value and write back (CRLF+BOM)")]
    public byte[] EditAndWrite()
    {
        var document = IniDocument.Parse(_windows, "jts.ini");
        document.SetValue("IBGateway", "s.SocketPort", "4002");
        return document.ToBytes();
    }

    [Benchmark(Description = "parse + write back a 100,000-line jts.ini")]
    public byte[] HugeRoundTrip() => IniDocument.Parse(_huge, "jts.ini").ToBytes();

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(Path.Combine(candidate, "guide-layout"))) return candidate;
        }
        throw new DirectoryNotFoundException("Run from inside the repository: the samples/ folder was not found.");
    }
}
