using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// Every department × every field group of ACCESS.md, against the shipped policy: allowed → data, masked → a masked
/// value, hidden → exactly the validation error of a field that does not exist.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class AccessMatrixTests(GraphServerFactory factory)
{
    /// <summary>
    /// A probe per group: a field of an enterprise reached through the published blacklist, which every audience has.
    /// </summary>
    private static readonly Dictionary<FieldGroup, (string Field, string Selection, string Type)> Probes = new()
    {
        [FieldGroup.Identity] = ("creditCode", "creditCode", "Enterprise"),
        [FieldGroup.Contact] = ("phone", "phone", "Enterprise"),
        [FieldGroup.Class] = ("class", "class", "Enterprise"),
        [FieldGroup.ClassFactors] = ("traceability", "traceability", "Enterprise"),
        [FieldGroup.Health] = ("healthCode", "healthCode", "Enterprise"),
        [FieldGroup.BlacklistStatus] = ("blacklisted", "blacklisted", "Enterprise"),
        [FieldGroup.BlacklistDetail] = ("blacklistHistory", "blacklistHistory { decisionNumber }", "Enterprise"),
        [FieldGroup.Assured] = ("assured", "assured", "Enterprise"),
        [FieldGroup.Inspections] = ("inspections", "inspections { passed }", "Enterprise"),
        [FieldGroup.ProductTiers] = ("tier", "products { tier }", "Product"),
        [FieldGroup.Regions] = ("colour", "county { colour }", "Region"),
    };

    public static TheoryData<string?, FieldGroup> Matrix()
    {
        var data = new TheoryData<string?, FieldGroup>();
        string?[] departments =
        [
            "samr-jiaxing", "samr-330481", "drc", "tax", "sci-tech", "finance", "project-approval", "industry-access",
            "yrd-partner", null,
        ];
        foreach (var department in departments)
        {
            foreach (var group in Probes.Keys)
            {
                data.Add(department, group);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_department_sees_each_group_as_its_policy_says(string? department, FieldGroup group)
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var contract = department is null ? policy.Public.Contract : policy.ForDepartment(department)!.Contract;
        var (field, selection, type) = Probes[group];
        var reply = await factory.ClientFor(department)
            .PostAsync($"{{ blacklist(first: 1) {{ edges {{ node {{ {selection} }} }} }} }}");

        var access = contract.AccessTo(group);
        var limitedButShown = access == FieldAccess.Limited && group == FieldGroup.Identity;
        if (access == FieldAccess.Full || limitedButShown)
        {
            reply.EnsureData();
            return;
        }

        if (access == FieldAccess.Masked)
        {
            var phone = reply.EnsureData().Data.GetProperty("blacklist").GetProperty("edges")[0].GetProperty("node")
                .GetProperty(field).GetString()!;
            Assert.Matches(MaskedPhone(), phone);
            return;
        }

        // Hidden (or Limited for a field that is not published): the error of a field that does not exist.
        var (errorField, errorType) = access == FieldAccess.Limited ? ("decisionNumber", "BlacklistEvent")
            : (field, type);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.False(reply.Json.TryGetProperty("data", out _));
        // Exactly GraphQL's message for a field the type does not have; any "Did you mean" lists only the contract's
        // own fields.
        Assert.StartsWith($"Cannot query field '{errorField}' on type '{errorType}'.", reply.FirstErrorMessage,
            StringComparison.Ordinal);
        var visible = (await factory.ClientFor(department)
            .PostAsync($"{{ __type(name: \"{errorType}\") {{ fields {{ name }} }} }}")).EnsureData()
            .Data.GetProperty("__type").GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()).ToHashSet();
        var suggested = reply.FirstErrorMessage.Split("Did you mean", 2) is [_, var tail]
            ? Quoted().Matches(tail).Select(m => m.Groups[1].Value) : [];
        Assert.All(suggested, name => Assert.Contains(name, visible));
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", reply.FirstErrorCode);
    }

    [Fact]
    public async Task A_field_that_never_existed_fails_with_the_same_words()
    {
        var reply = await factory.ClientFor("finance")
            .PostAsync("{ blacklist(first: 1) { edges { node { noSuchField } } } }");
        Assert.Equal("Cannot query field 'noSuchField' on type 'Enterprise'.", reply.FirstErrorMessage);
    }

    [Fact]
    public async Task Masked_contact_keeps_its_type_and_hides_the_person()
    {
        var node = (await factory.ClientFor("finance")
            .PostAsync("{ blacklist(first: 1) { edges { node { legalRepresentative phone address town "
                + "{ name } } } } }"))
            .EnsureData().Data.GetProperty("blacklist").GetProperty("edges")[0].GetProperty("node");
        var name = node.GetProperty("legalRepresentative").GetString()!;
        Assert.Matches("^.\\*+$", name);
        Assert.Matches(MaskedPhone(), node.GetProperty("phone").GetString()!);
        Assert.EndsWith("****", node.GetProperty("address").GetString()!, StringComparison.Ordinal);

        var full = (await factory.ClientFor("samr-jiaxing")
            .PostAsync("{ blacklist(first: 1) { edges { node { legalRepresentative phone } } } }"))
            .EnsureData().Data.GetProperty("blacklist").GetProperty("edges")[0].GetProperty("node");
        Assert.DoesNotContain("*", full.GetProperty("legalRepresentative").GetString()!, StringComparison.Ordinal);
        Assert.Matches("^1[0-9]{10}$", full.GetProperty("phone").GetString()!);
    }

    [GeneratedRegex("'([A-Za-z_]+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex("^1[0-9]{2}\\*{4}[0-9]{4}$")]
    private static partial Regex MaskedPhone();
}
