using System.Globalization;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// One row of ReferenceData/counties.csv: how a county's makers differ from the city's baseline, so that counties
/// differ through stated inputs (with clusters.csv, what they make) rather than one shared distribution.
/// Illustrative, ours (see ReferenceData/README.md).
/// </summary>
/// <param name="CountyCode">The county (6 digits).</param>
/// <param name="QmsCertified">Share of makers with a certified quality management system (质量管理体系认证).</param>
/// <param name="QmsEstablished">Share with an established but uncertified system; the rest have none.</param>
/// <param name="Traceability">Likelihood of traceability against the city's baseline (1.0).</param>
/// <param name="FailureOdds">Multiplies every maker's failure odds (1.0 the city's baseline).</param>
public sealed record CountyProfile(
    string CountyCode, double QmsCertified, double QmsEstablished, double Traceability, double FailureOdds)
{
    /// <summary>The city's baseline, for a county without a row.</summary>
    public static CountyProfile Baseline(string countyCode) => new(countyCode, 0.20, 0.45, 1.0, 1.0);

    public static CountyProfile From(IReadOnlyDictionary<string, string> r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var profile = new CountyProfile(r["county_code"], Number(r, "qms_certified"), Number(r, "qms_established"),
            Number(r, "traceability"), Number(r, "failure_odds"));
        if (profile.QmsCertified + profile.QmsEstablished > 1 || profile.Traceability <= 0 || profile.FailureOdds <= 0)
        {
            throw new InvalidDataException($"counties.csv: the row of {profile.CountyCode} is out of range "
                + "(shares must add up to at most 1; factors must be positive).");
        }

        return profile;
    }

    private static double Number(IReadOnlyDictionary<string, string> r, string column) =>
        double.Parse(r[column], CultureInfo.InvariantCulture) is var x && x >= 0 ? x
            : throw new InvalidDataException($"counties.csv: {column} of {r["county_code"]} is negative.");
}
