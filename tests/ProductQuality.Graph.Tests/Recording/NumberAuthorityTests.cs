using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// Every number a write accepts is unique within its issuing authority (the city bureau or one county bureau): another
/// authority may use it and hears nothing about it, the same authority gets DUPLICATE, and the database enforces it.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class NumberAuthorityTests(WritableServerFactory factory)
{
    public static TheoryData<string> NumberedWrites => [.. NumberedWrite.Names];

    [Theory]
    [MemberData(nameof(NumberedWrites))]
    public async Task A_number_is_unique_within_its_authority_and_free_in_every_other(string write)
    {
        var number = WriteData.Unique("NO");
        var offset = 12 + (Array.IndexOf(NumberedWrite.Names, write) * 2);

        // Two county bureaus and the city's own bureau each record the number once: no answer mentions the others.
        var writers = new[] { ("samr-330402", "330402"), ("samr-330481", "330481"), ("samr-jiaxing", "330483") };
        foreach (var (department, county) in writers)
        {
            var (code, product, _) = await factory.EnterpriseAsync(offset, county: county);
            (await factory.ClientFor(department).WriteAsync(write, number, code, product, county)).EnsureData();
        }

        var (again, againProduct, _) = await factory.EnterpriseAsync(offset + 1, county: "330481");
        var twice = await factory.ClientFor("samr-330481").WriteAsync(write, number, again, againProduct, "330481");
        Assert.Equal([$"DUPLICATE input.{NumberedWrite.Field(write)}"], twice.FieldErrors());
        Assert.DoesNotContain("330402", twice.Body, StringComparison.Ordinal);

        var authorities = await NumberedWrite.AuthoritiesAsync(factory, write, number);
        Assert.Equal(["330400", "330402", "330481"], authorities.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A number is one document in whatever case its Latin letters are typed: "prb-001" after "PRB-001" was recorded
    /// as another document, and one report of an enterprise counted twice (the probe of recent changes).
    /// </summary>
    [Theory]
    [MemberData(nameof(NumberedWrites))]
    public async Task A_number_in_other_letter_case_is_a_duplicate(string write)
    {
        var number = "Case-" + WriteData.Unique("No");
        var offset = 40 + (Array.IndexOf(NumberedWrite.Names, write) * 2);
        var (code, product, _) = await factory.EnterpriseAsync(offset, county: "330421");
        (await factory.ClientFor("samr-jiaxing").WriteAsync(write, number, code, product, "330421")).EnsureData();

        // Another enterprise of the register: a second listing of the first would be refused for another reason.
        var (other, otherProduct, _) = await factory.EnterpriseAsync(offset + 1, county: "330421");
        foreach (var variant in new[] { number.ToLowerInvariant(), number.ToUpperInvariant() })
        {
            var again = await factory.ClientFor("samr-jiaxing")
                .WriteAsync(write, variant, other, otherProduct, "330421");
            Assert.Equal([$"DUPLICATE input.{NumberedWrite.Field(write)}"], again.FieldErrors());
        }
    }

    /// <summary>
    /// The enterprise's own record is one register too: whoever writes for an enterprise sees its record whole, so a
    /// number already recorded for it by the other bureau is DUPLICATE, naming that bureau. Checked by the writer's
    /// bureau alone, the city recorded a county's failed sampling again and it counted twice towards the class.
    /// </summary>
    [Theory]
    [InlineData("recordSampling", "330421", true)]
    [InlineData("recordSampling", "330424", false)]
    [InlineData("recordEnforcementDecision", "330482", true)]
    [InlineData("recordEnforcementDecision", "330483", false)]
    public async Task A_number_already_in_the_enterprises_record_is_a_duplicate_whichever_bureau_recorded_it(
        string write, string county, bool countyFirst)
    {
        var number = WriteData.Unique("NO");
        var (first, second) = countyFirst ? ("samr-" + county, "samr-jiaxing") : ("samr-jiaxing", "samr-" + county);
        var (code, product, _) = await factory.EnterpriseAsync(36, county: county);
        (await factory.ClientFor(first).WriteAsync(write, number, code, product, county)).EnsureData();

        var again = await factory.ClientFor(second).WriteAsync(write, number, code, product, county);
        Assert.Equal([$"DUPLICATE input.{NumberedWrite.Field(write)}"], again.FieldErrors());
        var named = countyFirst ? $"the county bureau of {county}" : "the city bureau (330400)";
        Assert.Contains($"already recorded for this enterprise by {named}", again.Body, StringComparison.Ordinal);
        Assert.Equal([countyFirst ? county : "330400"], await NumberedWrite.AuthoritiesAsync(factory, write, number));

        // Another enterprise of the county: the second bureau's own register does not hold the number.
        var (other, otherProduct, _) = await factory.EnterpriseAsync(37, county: county);
        (await factory.ClientFor(second).WriteAsync(write, number, other, otherProduct, county)).EnsureData();
    }

    [Theory]
    [InlineData("Inspections", "ReportNumber")]
    [InlineData("EnforcementDecisions", "DecisionNumber")]
    [InlineData("BlacklistEvents", "DecisionNumber")]
    [InlineData("RiskWarnings", "Number")]
    public async Task The_database_refuses_a_number_twice_in_one_authority(string table, string column)
    {
        // The first and the last of the city's rows: giving the last the first's number must fail in the database.
        var sql = string.Format(CultureInfo.InvariantCulture, """
            UPDATE "{0}" SET "{1}" =
              (SELECT "{1}" FROM "{0}" WHERE "Id" = (SELECT MIN("Id") FROM "{0}" WHERE "Authority" = '330400'))
            WHERE "Id" = (SELECT MAX("Id") FROM "{0}" WHERE "Authority" = '330400')
            """, table, column);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => factory.DbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
    }

    [Fact]
    public async Task Rule_derived_numbers_continue_the_city_register_past_its_decisions_and_ignore_the_counties()
    {
        const string Write = "recordBlacklistDecision";
        var city = factory.ClientFor("samr-jiaxing");
        var next = await NumberedWrite.HighestRuleNumberAsync(factory) + 1;
        static string Register(int n) => string.Create(CultureInfo.InvariantCulture, $"嘉市监列黑〔2026〕{n}号");

        // The city records the number the rule would derive next; a county bureau the one after (its own register).
        var (listedByCity, _, _) = await factory.EnterpriseAsync(26, county: "330411");
        (await city.WriteAsync(Write, Register(next), listedByCity, "", "330411")).EnsureData();
        var (listedByCounty, _, _) = await factory.EnterpriseAsync(26, county: "330482");
        (await factory.ClientFor("samr-330482").WriteAsync(Write, Register(next + 1), listedByCounty, "", "330482"))
            .EnsureData();

        // A counterfeiting decision makes the rule list the enterprise under the city register's next free number.
        var (counterfeiter, _, _) = await factory.EnterpriseAsync(27, county: "330411");
        var decision = new
        {
            input = new
            {
                idempotencyKey = WriteData.Key(), creditCode = counterfeiter, kind = "COUNTERFEITING",
                decisionNumber = WriteData.Unique("嘉市监处"), decidedOn = "2026-11-25", fineYuan = 1000m, summary = "以假充真",
            },
        };
        (await city.PostAsync(Writes.RecordEnforcementDecision, decision)).EnsureData();

        var derived = await factory.DbAsync(db => db.BlacklistEvents
            .Where(b => b.Source == BlacklistEventSource.Rule
                && db.Enterprises.Any(e => e.Id == b.EnterpriseId && e.CreditCode == counterfeiter))
            .OrderByDescending(b => b.Id).Select(b => new { b.Authority, b.DecisionNumber }).FirstAsync());
        Assert.Equal((IssuingAuthority.City, Register(next + 1)), (derived.Authority, derived.DecisionNumber));

        // The number is now taken in the city's register, so the regulator cannot record it again.
        var (other, _, _) = await factory.EnterpriseAsync(28, county: "330411");
        var taken = await city.WriteAsync(Write, Register(next + 1), other, "", "330411");
        Assert.Equal(["DUPLICATE input.decisionNumber"], taken.FieldErrors());
    }
}
