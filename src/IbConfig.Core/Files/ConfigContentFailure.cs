using System.Collections.Generic;
using System.IO;
using System.Linq;
using IbConfig.Core.Errors;
using IbConfig.Core.Ini;
using IbConfig.Core.Stores;

namespace IbConfig.Core.Files;

/// <summary>
/// Content IbConfig refuses to write or to restore unless forced: the failures that come from what a file holds rather
/// than from the file system. Each is one named factory with its id, kind and a message that says what to do.
/// </summary>
internal static class ConfigContentFailure
{
    public static IbConfigException BackupEmpty(string backupPath) =>
        new("ConfigBackupEmpty", IbErrorKind.InvalidData,
            $"The backup '{backupPath}' is empty (0 bytes), so restoring it would wipe the settings. Pick an older backup (Get-IbConfigBackup), or pass -Force to restore it anyway.", backupPath);

    public static IbConfigException BackupUnparseable(string backupPath, string reason) =>
        new("ConfigBackupUnparseable", IbErrorKind.InvalidData,
            $"The backup '{backupPath}' is not a readable settings file ({reason}). Pick another backup (Get-IbConfigBackup), or pass -Force to restore it anyway.", backupPath);

    public static IbConfigException UnreadableLines(string path, string section, IReadOnlyList<int> lines) =>
        new("ConfigSectionUnreadable", IbErrorKind.InvalidData,
            $"{(section.Length == 0 ? "The top" : $"Section [{section}]")} of '{path}' holds {(lines.Count == 1 ? "a line" : "lines")} IbConfig cannot read " +
            $"(line {string.Join(", ", lines)}: binary data, NUL or control characters), so a change there could add a second copy of a setting that line hides. " +
            "Fix or delete the damaged line, or pass -Force to write anyway.", path);

    /// <summary>Why a backup should not be restored (empty, or not parseable as the kind of file its name says), or null.</summary>
    public static IbConfigException? UnusableBackup(string backupPath, byte[] content)
    {
        if (content.Length == 0) return BackupEmpty(backupPath);
        if (Path.GetFileName(backupPath).ToLowerInvariant().Contains(".xml"))
        {
            var profile = ProfileXmlDocument.Parse(content, backupPath);
            return profile.State == ProfileXmlState.Malformed ? BackupUnparseable(backupPath, "not well-formed XML") : null;
        }

        var document = IniDocument.Parse(content, backupPath);
        if (document.Diagnostics.Any(d => d.Kind == IniDiagnosticKind.ControlCharacters))
            return BackupUnparseable(backupPath, "it holds binary data or NUL characters");
        return document.Entries.Any() || document.Lines.Any(l => l.Kind == IniLineKind.SectionHeader) ? null : BackupUnparseable(backupPath, "no section and no setting");
    }
}
