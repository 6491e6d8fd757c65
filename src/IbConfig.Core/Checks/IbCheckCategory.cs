namespace IbConfig.Core.Checks;

/// <summary>Groups the checklist the way the guide does; <see cref="Live"/> checks need the running gateway.</summary>
public enum IbCheckCategory
{
    Api,
    Security,
    Restart,
    Files,
    Instances,
    Live,
}
