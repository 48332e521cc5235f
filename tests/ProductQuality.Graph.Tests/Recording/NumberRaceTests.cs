using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// Writes racing with one number in one authority: exactly one records it and every other hears DUPLICATE — on
/// PostgreSQL the losers can pass the duplicate check together and be stopped by the unique index, which must still
/// answer DUPLICATE (not a database error).
/// </summary>
public abstract class NumberRaceTests(TestServerFactory factory)
{
    private const int Racers = 5;

    [ProviderTheory]
    [InlineData("recordSampling", "330402")]
    [InlineData("recordEnforcementDecision", "330411")]
    [InlineData("recordBlacklistDecision", "330421")]
    [InlineData("issueRiskWarning", "330483")]
    public async Task Racing_writes_of_one_number_record_it_once_the_others_hear_DUPLICATE(string write, string county)
    {
        var number = WriteData.Unique("RACE");
        var subjects = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => e.CountyCode == county && !e.IsBlacklisted).OrderBy(e => e.Id).Skip(20).Take(Racers)
            .Select(e => new
            {
                e.CreditCode,
                Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode).First(),
            })
            .ToListAsync());
        var clients = subjects.Select(_ => factory.ClientFor($"samr-{county}")).ToList();

        var replies = await Task.WhenAll(subjects.Select((s, i) =>
            clients[i].WriteAsync(write, number, s.CreditCode, s.Product, county)));

        var duplicate = $"DUPLICATE input.{NumberedWrite.Field(write)}";
        Assert.Single(replies, r => !r.HasErrors);
        Assert.All(replies.Where(r => r.HasErrors), r => Assert.Equal([duplicate], r.FieldErrors()));
        Assert.Equal([county], await NumberedWrite.AuthoritiesAsync(factory, write, number));
    }
}
