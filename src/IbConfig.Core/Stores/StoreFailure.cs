using IbConfig.Core.Errors;
using IbConfig.Core.Settings;

namespace IbConfig.Core.Stores;

/// <summary>The failures of finding, choosing and editing the settings stores (jts.ini, the profile XML, IBC's config.ini).</summary>
internal static class StoreFailure
{
    public static IbConfigException UnknownTarget(string name) =>
        new("StoreTargetUnknown", IbErrorKind.InvalidArgument,
            $"'{name}' is not a store. Name one of: {string.Join(", ", StoreTargets.Names)}.", name);

    public static IbConfigException StoreNotFound(SettingStore store) =>
        new("StoreNotFound", IbErrorKind.ObjectNotFound,
            $"-Target {store} was asked for, but no {store} store was found. Pass {ParameterOf(store)} to name it.", store.ToString());

    public static IbConfigException IbcConfigNotFound(string path) =>
        new("IbcConfigNotFound", IbErrorKind.ObjectNotFound,
            $"IBC's config.ini '{path}' does not exist. Check -IbcConfigPath (IBC's usual places: Documents\\IBC\\config.ini, C:\\IBC\\config.ini, ~/ibc/config.ini).", path);

    public static IbConfigException ProfileNotFound(string profile) =>
        new("ProfileNotFound", IbErrorKind.ObjectNotFound,
            $"No profile settings file at '{profile}': name a profile folder holding ibg.xml or tws.xml, or the file itself (Find-IbConfig lists them).", profile);

    public static IbConfigException ProfileEncrypted(string path, string problem) =>
        new("ProfileXmlEncrypted", IbErrorKind.InvalidData, Ensure(problem, "Change these settings in the GUI or through IBC's config.ini."), path);

    public static IbConfigException ProfileMalformed(string path, string problem) =>
        new("ProfileXmlMalformed", IbErrorKind.InvalidData, Ensure(problem, "Fix the file in an editor or restore a backup (Get-IbConfigBackup)."), path);

    private static string ParameterOf(SettingStore store) => store switch
    {
        SettingStore.ProfileXml => "-Profile",
        SettingStore.Ibc => "-IbcConfigPath",
        _ => "-Path",
    };

    // The document's own problem text explains what is wrong; make sure it also says what to do.
    private static string Ensure(string problem, string whatToDo) => problem.Contains(whatToDo) ? problem : problem.TrimEnd() + " " + whatToDo;
}
