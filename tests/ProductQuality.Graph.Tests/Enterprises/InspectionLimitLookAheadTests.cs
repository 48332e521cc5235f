using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Schema;
using static ProductQuality.Graph.Tests.Schema.SelectionLookAheadTests;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// The limits a page loads its enterprises' inspections for ahead: every <c>inspections</c> field below it (aliases
/// and fragments too), each with the limit the field itself will resolve with, or none when the document does not
/// say it plainly (the field is then batched as before).
/// </summary>
public sealed class InspectionLimitLookAheadTests
{
    [Theory]
    [InlineData("inspections { reportNumber }", 20)]
    [InlineData("inspections(limit: 1) { reportNumber }", 1)]
    [InlineData("inspections(limit: 200) { reportNumber }", 200)]
    [InlineData("inspections(limit: 0) { reportNumber }", 0)]
    [InlineData("inspections(limit: $n) { reportNumber }", 7)]
    [InlineData("inspections(limit: $unset) { reportNumber }", null)]
    [InlineData("inspections(limit: null) { reportNumber }", null)]
    public void Reads_the_limit_each_field_will_use(string field, int? limit)
    {
        var context = ContextOf($"query($n: Int, $unset: Int) {{ enterprises {{ items {{ {field} }} }} }}", ("n", 7));
        var found = Assert.Single(context.FieldsAt("items", "inspections"));
        Assert.Equal(limit, EnterpriseLookAhead.InspectionLimit(context, found));
    }

    [Theory]
    [InlineData("inspections(limit: 201) { reportNumber }", "PAGE_TOO_LARGE")]
    [InlineData("inspections(limit: -4) { reportNumber }", "INVALID_ARGUMENT")]
    [InlineData("inspections(limit: $big) { reportNumber }", "PAGE_TOO_LARGE")]
    public void Refuses_a_limit_the_field_would_refuse(string field, string code)
    {
        var context = ContextOf($"query($big: Int) {{ enterprises {{ items {{ {field} }} }} }}", ("big", 1000));
        var found = Assert.Single(context.FieldsAt("items", "inspections"));
        var refused = Assert.Throws<DomainException>(() => EnterpriseLookAhead.InspectionLimit(context, found));
        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void Finds_every_copy_under_aliases_and_fragments()
    {
        var context = ContextOf("""
            { enterprises { edges { node { a: inspections(limit: 1) { reportNumber } ...E } } } }
            fragment E on Enterprise { b: inspections(limit: 3) { reportNumber } ... { inspections { passed } } }
            """);
        var limits = context.FieldsAt("edges", "node", "inspections")
            .Select(f => EnterpriseLookAhead.InspectionLimit(context, f));
        Assert.Equal([1, 3, 20], limits);
        Assert.Empty(context.FieldsAt("items", "inspections"));
    }
}
