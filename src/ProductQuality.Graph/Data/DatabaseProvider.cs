namespace ProductQuality.Graph.Data;

/// <summary>Supported database providers.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
