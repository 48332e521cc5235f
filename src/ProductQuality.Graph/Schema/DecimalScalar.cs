using GraphQL.Types;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Exact decimals for money: a fine must round-trip to the fen, which a float cannot promise. A literal too small for
/// a decimal (1e-30: 28 places hold nothing of it) is refused, not read as 0: a fine of 1e-30 yuan was stored as no
/// fine at all. In variables such numbers are refused before they are read
/// (<see cref="Infrastructure.Http.Underflow"/>).
/// </summary>
public sealed class DecimalScalar : DecimalGraphType
{
    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "An exact decimal number, e.g. an amount in yuan (元) such as 50000 or 1234.56.";
    }

    /// <summary>
    /// An amount as a number without trailing zeros (50000, 1234.5): each database kept its own scale, so the same
    /// fine answered 50000.0 on SQLite and 50000.00 on PostgreSQL, and a client reading exact decimals (C#'s decimal,
    /// Java's BigDecimal) saw different values by the server's database (the protocol probe).
    /// </summary>
    public override object? Serialize(object? value) => base.Serialize(value) switch
    {
        decimal amount => amount / 1.000000000000000000000000000000000m,
        var other => other,
    };

    public override object? ParseLiteral(GraphQLValue value)
    {
        var parsed = base.ParseLiteral(value);
        return value is GraphQLFloatValue { Value: var text } && parsed is 0m && HasNonZeroDigit(text.Span)
            ? throw TooSmall(text.ToString())
            : parsed;
    }

    /// <summary>
    /// An amount sent as text ("50000"), a boolean, an object or a list, or one beyond a decimal (1e29): the library
    /// said only "Unable to convert".
    /// </summary>
    public override object? ParseValue(object? value)
    {
        if (value is string or bool or System.Collections.IEnumerable)
        {
            throw InputValueException.NotANumber(value, "amount");
        }

        try
        {
            return base.ParseValue(value);
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException && value is not null)
        {
            throw InputValueException.OutOfRange(value, "amount");
        }
    }

    public override bool CanParseLiteral(GraphQLValue value) =>
        base.CanParseLiteral(value)
        && !(value is GraphQLFloatValue { Value: var text } && base.ParseLiteral(value) is 0m
            && HasNonZeroDigit(text.Span));

    // Before the exponent: "1e-30" has a 1, "0.0e5" has none.
    private static bool HasNonZeroDigit(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('e', 'E');
        return (end < 0 ? text : text[..end]).IndexOfAnyInRange('1', '9') >= 0;
    }

    private static FormatException TooSmall(string text) => new($"{text} is smaller than a decimal can hold (at "
        + "most 28 decimal places) and would read as 0: send 0 for none, or the amount in yuan with at most two "
        + "decimal places.");
}
