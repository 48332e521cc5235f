using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Tests.Common;

public class SeverityTests
{
    [Theory]
    [InlineData(EnterpriseClass.C, EnterpriseClass.B, true)]
    [InlineData(EnterpriseClass.B, EnterpriseClass.A, true)]
    [InlineData(EnterpriseClass.A, EnterpriseClass.AA, true)]
    [InlineData(EnterpriseClass.AA, EnterpriseClass.A, false)]
    [InlineData(EnterpriseClass.B, EnterpriseClass.B, false)]
    public void Class_worse_than(EnterpriseClass value, EnterpriseClass other, bool worse)
    {
        Assert.Equal(worse, value.IsWorseThan(other));
        Assert.Equal(worse, other.IsBetterThan(value));
    }

    [Theory]
    [InlineData(ProductTier.High, ProductTier.Elevated, true)]
    [InlineData(ProductTier.Elevated, ProductTier.General, true)]
    [InlineData(ProductTier.General, ProductTier.High, false)]
    [InlineData(ProductTier.High, ProductTier.High, false)]
    public void Tier_riskier_than(ProductTier value, ProductTier other, bool riskier) =>
        Assert.Equal(riskier, value.IsRiskierThan(other));

    [Theory]
    [InlineData(FourColor.Red, FourColor.Yellow, true)]
    [InlineData(FourColor.Blue, FourColor.Green, true)]
    [InlineData(FourColor.Green, FourColor.Red, false)]
    public void Colour_worse_than(FourColor value, FourColor other, bool worse) =>
        Assert.Equal(worse, value.IsWorseThan(other));

    [Theory]
    [InlineData(new ProductTier[0], ProductTier.General)]
    [InlineData(new[] { ProductTier.General, ProductTier.Elevated }, ProductTier.Elevated)]
    [InlineData(new[] { ProductTier.Elevated, ProductTier.High, ProductTier.General }, ProductTier.High)]
    public void Highest_tier(ProductTier[] tiers, ProductTier expected) => Assert.Equal(expected, tiers.Highest());

    [Theory]
    [InlineData("2026-06-29", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", false)]
    public void Override_is_active_through_its_expiry_date(string asOf, bool active) =>
        Assert.Equal(active,
            new Override<EnterpriseClass>(EnterpriseClass.C, "r", Given.D("2026-06-30")).IsActiveOn(Given.D(asOf)));

    [Fact]
    public void Labels_put_english_first_and_chinese_in_brackets()
    {
        Assert.Equal("HIGH (高风险)", ProductTier.High.Label());
        Assert.Equal("Class AA (AA类)", EnterpriseClass.AA.Label());
        Assert.Equal("RED (红色)", FourColor.Red.Label());
        Assert.Equal("ELEVATED", ProductTier.Elevated.Code());
        Assert.Equal("GREEN", FourColor.Green.Code());
    }
}
