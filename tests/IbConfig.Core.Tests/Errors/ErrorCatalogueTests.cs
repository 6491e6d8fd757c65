using System.Reflection;
using System.Text.RegularExpressions;
using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Tests.Errors;

/// <summary>
/// Every error catalogue of Core (a static class named <c>…Failure</c>, one per concept, e.g. FileAccessFailure): each
/// factory builds an IbConfigException whose id is PascalCase and belongs to one catalogue only, whose kind is set, and
/// whose message says what to do.
/// </summary>
public class ErrorCatalogueTests
{
    // A message "says what to do" when it names an action for the user (imperative verbs, -Parameters, commands).
    private static readonly Regex WhatToDo = new(
        @"\b(pass|check|use|run|name|close|set|fix|remove|add|restore|start|stop|try|give|choose|change|wait|delete|grant|install|clear|point|open|edit|make|free|rename|move|enable|allow|connect|reduce|restart|specify|update|copy|keep|leave|replace|save|unlock|create|look|write|read|ask|put|turn)\b|-[A-Z][A-Za-z]+|\b[A-Z][a-z]+-Ib[A-Za-z]+",
        RegexOptions.IgnoreCase);

    public static IEnumerable<object[]> Factories() =>
        Catalogues().SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(m => (m.IsPublic || m.IsAssembly) && typeof(IbConfigException).IsAssignableFrom(m.ReturnType)))
            .Select(m => new object[] { m.DeclaringType!.Name, m.Name });

    private static IEnumerable<Type> Catalogues() =>
        typeof(IbConfigException).Assembly.GetTypes().Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Failure", StringComparison.Ordinal));

    [Fact]
    public void There_is_a_catalogue_per_concept()
    {
        Assert.True(Catalogues().Count() >= 7, string.Join(", ", Catalogues().Select(c => c.Name)));
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Each_factory_gives_a_pascal_case_id_a_kind_and_a_message_that_says_what_to_do(string catalogue, string factory)
    {
        foreach (var error in Build(catalogue, factory))
        {
            Assert.Matches("^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$", error.ErrorId);
            Assert.True(Enum.IsDefined(typeof(IbErrorKind), error.Kind), $"{error.ErrorId}: kind {error.Kind}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.True(WhatToDo.IsMatch(error.Message), $"{catalogue}.{factory} ({error.ErrorId}) does not say what to do: {error.Message}");
        }
    }

    [Fact]
    public void Each_id_belongs_to_one_catalogue()
    {
        var owners = Factories()
            .SelectMany(f => Build((string)f[0], (string)f[1]).Select(e => (Id: e.ErrorId, Catalogue: (string)f[0])))
            .GroupBy(p => p.Id)
            .Where(g => g.Select(p => p.Catalogue).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Catalogue).Distinct())}");
        Assert.Empty(owners);
    }

    [Fact]
    public void Exceptions_are_built_only_in_catalogues()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var outside = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
            .Where(f => !Path.GetFileName(f).EndsWith("Failure.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("new IbConfigException(", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(outside);
    }

    // The checkout this test assembly was built from: the first folder above it that holds the solution.
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IbConfig.PowerShell.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No IbConfig.PowerShell.sln above {AppContext.BaseDirectory}.");
    }

    // Calls a factory with plain sample arguments; a translator of exceptions is called once per exception kind it tells apart.
    private static IEnumerable<IbConfigException> Build(string catalogue, string factory)
    {
        var method = Catalogues().Single(c => c.Name == catalogue).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).First(m => m.Name == factory);
        var parameters = method.GetParameters();
        var exceptions = parameters.Any(p => p.ParameterType == typeof(Exception))
            ? new Exception[] { new IOException("disk full"), new UnauthorizedAccessException("denied"), new FileNotFoundException("gone"), new DirectoryNotFoundException("gone") }
            : new Exception[] { new IOException("unused") };
        foreach (var exception in exceptions)
        {
            var args = parameters.Select(p => Sample(p, exception)).ToArray();
            if (method.Invoke(null, args) is IbConfigException error) yield return error;
        }
    }

    private static object? Sample(ParameterInfo parameter, Exception exception)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string)) return parameter.Name!.Contains("path", StringComparison.OrdinalIgnoreCase) ? "/srv/Jts/jts.ini" : "sample";
        if (type == typeof(Exception)) return exception;
        if (type == typeof(int) || type == typeof(long)) return Convert.ChangeType(7, type);
        if (type == typeof(bool)) return true;
        if (type == typeof(double)) return 1.5;
        if (type == typeof(TimeSpan)) return TimeSpan.FromSeconds(3);
        if (type == typeof(object)) return "sample";
        if (type == typeof(byte[])) return Array.Empty<byte>();
        if (type == typeof(SettingDefinition)) return SettingDefinition.SocketPort;
        if (type == typeof(TrustedIpAddress)) return TrustedIpAddress.Parse("10.0.0.5");
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.IsAssignableFrom(typeof(string[]))) return new[] { "sample" };
        if (type.IsAssignableFrom(typeof(int[]))) return new[] { 3, 4 };
        if (Nullable.GetUnderlyingType(type) is not null) return null;
        throw new NotSupportedException($"Add a sample {type} for {parameter.Member.DeclaringType!.Name}.{parameter.Member.Name}({parameter.Name}).");
    }
}
