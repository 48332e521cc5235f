namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The range a setting's own validator enforces (with a sentence of its own, such as "from 0 (keep every entry for
/// ever) to 36500"), stated on the property so that a value that is no number at all is told the range too: 'abc'
/// got "a whole number up to 2147483647 (and within the setting's own range)", which left the operator to find the
/// range. Read only by <see cref="SettingsCheck"/>, never validated from here: a <c>[Range]</c> would be checked a
/// second time where the options' annotations are, and cannot stand on a dictionary, whose every value this bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingRangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;

    /// <summary>What else bounds the value, said after the range: "at most Access:EnterpriseTokens:…".</summary>
    public string? Note { get; init; }
}
