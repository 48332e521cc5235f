namespace ProductQuality.Graph.Regions;

/// <summary>Which regions a four-colour map shows.</summary>
public enum MapLevel
{
    County,
    Town,
}
