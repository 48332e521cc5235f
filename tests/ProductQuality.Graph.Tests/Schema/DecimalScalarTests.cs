using System.Text.Json;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// An amount answers the same on every database: SQLite kept 50000.0 and PostgreSQL 50000.00 (numeric(14,2)), and
/// a client reading exact decimals saw different values by the server's database (the protocol probe). The number is
/// written without trailing zeros, as README's examples show it.
/// </summary>
public sealed class DecimalScalarTests
{
    [Theory]
    [InlineData("50000", "50000")]
    [InlineData("50000.0", "50000")]
    [InlineData("50000.00", "50000")]
    [InlineData("1234.50", "1234.5")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("0.00", "0")]
    [InlineData("0.01", "0.01")]
    [InlineData("999999999999.99", "999999999999.99")]
    public void An_amount_is_written_without_the_scale_its_database_kept(string stored, string answered)
    {
        var amount = decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
        var serialized = new DecimalScalar().Serialize(amount);
        Assert.Equal(answered, JsonSerializer.Serialize(Assert.IsType<decimal>(serialized)));
        Assert.Equal(amount, (decimal)serialized!);
    }
}
