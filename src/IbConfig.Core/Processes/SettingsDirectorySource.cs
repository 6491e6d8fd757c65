namespace IbConfig.Core.Processes;

/// <summary>How a running gateway's settings folder was told, which says how far the write guard can trust it.</summary>
public enum SettingsDirectorySource
{
    /// <summary>Not known: the guard assumes the process may use any settings folder.</summary>
    Unknown,

    /// <summary>Named on the command line (<c>-DjtsConfigDir=</c>, or the folder argument IB's launchers pass).</summary>
    CommandLine,

    /// <summary>
    /// Guessed from the install path (the <c>Jts</c> folder above the program). A guess: the launcher's .vmoptions file
    /// can name another folder, so the guard still treats the process as using any folder.
    /// </summary>
    InstallFolder,
}
