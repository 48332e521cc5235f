namespace ProductQuality.Graph.Rules.Tests;

public class RulesOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_as_documented()
    {
        var o = new RulesOptions();
        Assert.Empty(o.Validate());
        Assert.Equal("2026.3-default", o.Version);
        Assert.Equal("Rules", RulesOptions.SectionName);
        Assert.Equal(70, o.ProductTier.HighThreshold);
        Assert.Equal(40, o.ProductTier.ElevatedThreshold);
        Assert.Equal(2, o.EnterpriseClass.FailuresForC);
        Assert.Equal(3, o.EnterpriseClass.MinSamplingsForAA);
        Assert.Equal(12, o.EnterpriseClass.UpgradeWaitMonths);
        Assert.Equal(15, o.RegionColour.RedSharePercentForRed);
        Assert.Equal(30, o.RegionColour.RedYellowSharePercentForYellow);
        Assert.Equal(10, o.RegionColour.RedYellowSharePercentForBlue);
        Assert.Equal((3, 6, 12, 24),
            (o.Inspection.RedMonths, o.Inspection.YellowMonths, o.Inspection.BlueMonths, o.Inspection.GreenMonths));
        Assert.Equal(2, o.Blacklist.RectificationPeriodYears);
        Assert.Equal(3, o.Assured.YearsAtClassA);
    }

    [Fact]
    public void A_range_error_names_the_setting_and_its_value_not_the_options_class()
    {
        var o = new RulesOptions();
        o.Assured.ValidityMonths = -1;
        Assert.Equal(
            ["Setting Rules:Assured:ValidityMonths is -1, which is not allowed: it must be between 1 and 120."],
            o.Validate());
    }

    public static TheoryData<string, Action<RulesOptions>> Invalid => new()
    {
        { "Version", o => o.Version = "" },
        { "HighThreshold", o => o.ProductTier.HighThreshold = 101 },
        { "ElevatedThreshold must be below", o => o.ProductTier.ElevatedThreshold = 70 },
        { "FailuresForC", o => o.EnterpriseClass.FailuresForC = 0 },
        { "RedYellowSharePercentForBlue must not exceed", o => o.RegionColour.RedYellowSharePercentForBlue = 31 },
        { "class-C thresholds", o => o.RegionColour.ClassCSharePercentForYellow = 11 },
        { "intervals must not shrink", o => o.Inspection.GreenMonths = 2 },
        { "ValidityMonths", o => o.Assured.ValidityMonths = 0 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_are_reported(string expected, Action<RulesOptions> breakIt)
    {
        var o = new RulesOptions();
        breakIt(o);
        var errors = o.Validate();
        Assert.Single(errors);
        Assert.Contains(expected, errors[0], StringComparison.Ordinal);
    }
}
