// Run: dotnet run -c Release --project bench/IbConfig.Settings.Bench -- --filter '*' [--job short]
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(IbConfig.Settings.Bench.SettingsBenchmarks).Assembly).Run(args);
