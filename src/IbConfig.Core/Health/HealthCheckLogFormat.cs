namespace IbConfig.Core.Health;

/// <summary>How health-check records are appended to the log: one JSON object per line, or one CSV row per check.</summary>
public enum HealthCheckLogFormat
{
    Json,
    Csv,
}
