using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// A county bureau writes about its own county only; outside it, an enterprise reads exactly as unknown.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class WriteJurisdictionTests(WritableServerFactory factory)
{
    private readonly HttpClient _haining = factory.ClientFor("samr-330481");

    [Fact]
    public async Task Writing_outside_the_county_is_ENTERPRISE_NOT_FOUND_word_for_word_and_writes_nothing()
    {
        var (outside, product, _) = await factory.EnterpriseAsync(0, county: "330402");
        var unknown = ProductQuality.Graph.Enterprises.CreditCode.WithCheckCharacter("91330481000000000");
        var before = await factory.DbAsync(db => db.Inspections.CountAsync());

        var refused = await _haining.PostAsync(Writes.RecordSampling, Writes.Sampling(outside, product));
        var missing = await _haining.PostAsync(Writes.RecordSampling, Writes.Sampling(unknown, product));

        Assert.Equal(["ENTERPRISE_NOT_FOUND input.creditCode"], refused.FieldErrors());
        Assert.Equal(Normalise(missing, unknown), Normalise(refused, outside));
        Assert.Equal(before, await factory.DbAsync(db => db.Inspections.CountAsync()));
    }

    [Fact]
    public async Task Own_county_writes_are_recorded()
    {
        var (own, product, _) = await factory.EnterpriseAsync(1, county: "330481");
        var reply = (await _haining.PostAsync(Writes.RecordSampling, Writes.Sampling(own, product))).EnsureData();
        Assert.Equal(own,
            reply.Data.GetProperty("recordSampling").GetProperty("enterprise").GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task Class_override_outside_the_county_is_ENTERPRISE_NOT_FOUND()
    {
        var (outside, _, _) = await factory.EnterpriseAsync(1, county: "330402");
        var reply = await _haining.PostAsync(Writes.OverrideEnterpriseClass,
            new { input = new { idempotencyKey = WriteData.Key(), creditCode = outside, @class = "C", reason = "越权",
                expiresOn = "2027-01-31", expectedRevision = 0 } });
        Assert.Equal(["ENTERPRISE_NOT_FOUND input.creditCode"], reply.FieldErrors());
    }

    // Everything but the code itself and the request's own id (extensions.requestId, a new one per request) must be
    // identical, so the answer tells nothing about the other county.
    private static string Normalise(GraphQLReply reply, string code) =>
        JsonSerializer.Serialize(reply.Json).Replace(code, "<code>", StringComparison.Ordinal)
            .Replace(reply.Response.Headers.GetValues("X-Request-Id").Single(), "<request id>",
                StringComparison.Ordinal);
}
