using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace IbConfig.PowerShell.Arguments;

/// <summary>
/// Lets an enum-array parameter take "Any" for every value of the enum, so <c>-Product Any</c> (the word scripts already
/// use) and <c>-Product Gateway, Tws</c> mean the same; anything else binds as the enum itself.
/// </summary>
public sealed class AnyMeansEveryValueAttribute : ArgumentTransformationAttribute
{
    public const string Any = "Any";

    public AnyMeansEveryValueAttribute(Type enumType) => EnumType = enumType;

    public Type EnumType { get; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var items = inputData is PSObject { BaseObject: var inner } ? inner : inputData;
        var values = items is string or null ? new[] { items } : items is IEnumerable list ? list.Cast<object?>().ToArray() : new[] { items };
        bool IsAny(object? value) => string.Equals((value is PSObject pso ? pso.BaseObject : value) as string, Any, StringComparison.OrdinalIgnoreCase);
        return values.Any(IsAny) ? Enum.GetValues(EnumType) : inputData;
    }
}
