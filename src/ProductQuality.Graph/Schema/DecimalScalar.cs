using GraphQL.Types;

namespace ProductQuality.Graph.Schema;

/// <summary>Exact decimals for money: a fine must round-trip to the fen, which a float cannot promise.</summary>
public sealed class DecimalScalar : DecimalGraphType
{
    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "An exact decimal number, e.g. an amount in yuan (元) such as 50000 or 1234.56.";
    }
}
