using IbConfig.Core.Errors;

namespace IbConfig.Core.Ini;

/// <summary>The failures of editing an ini document: names and values an ini file cannot hold.</summary>
internal static class IniFailure
{
    public static IbConfigException ValueNotEncodable(string value, int lineNumber) =>
        new("IniValueNotEncodable", IbErrorKind.InvalidArgument,
            $"Line {lineNumber} of the file is not UTF-8, so '{value}' cannot be written there; use only Latin-1 characters.", value);

    public static IbConfigException NameInvalid(string name, string what) =>
        new("IniNameInvalid", IbErrorKind.InvalidArgument,
            $"'{name}' cannot be an ini {what} name: use a non-empty name without '=', '[', ']', control characters or surrounding spaces, not starting with ';' or '#'.", name);

    public static IbConfigException ValueInvalid(string value) =>
        new("IniValueInvalid", IbErrorKind.InvalidArgument,
            $"'{value}' cannot be written as an ini value: use one line, without control characters or leading/trailing spaces.", value);
}
