namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>What a variable is meant to hold; the generator mostly sends something else.</summary>
public enum ValueKind
{
    Text,
    CreditCode,
    Date,
    Int,
    Cursor,
    Order,
    Enum,
    Filter,
}
