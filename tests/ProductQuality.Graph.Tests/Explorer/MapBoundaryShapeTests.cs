using System.Text;
using ProductQuality.Graph.Explorer.Map;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// The boundary file's check at start: it says what is wrong in a sentence for every shape of JSON — it threw on
/// <c>"type": 5</c> or <c>"features": [5]</c>, crashing the start and every verb (exit 134) — and it refuses a
/// feature the page cannot draw (a null geometry, a Circle, coordinates of another shape), which started cleanly and
/// then left the whole map undrawn.
/// </summary>
public sealed class MapBoundaryShapeTests
{
    private const string Square = "[[[120.7,30.7],[120.9,30.7],[120.9,30.8],[120.7,30.7]]]";

    [Theory]
    [InlineData("""{"type": 5, "features": []}""", "is not a GeoJSON FeatureCollection")]
    [InlineData("""{"type": null, "features": []}""", "is not a GeoJSON FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[5]}""",
        "has a feature (#0) that is the number 5, not a GeoJSON Feature object")]
    [InlineData("""{"type":"FeatureCollection","features":[null]}""", "has a feature (#0) that is null")]
    [InlineData("""{"type":"FeatureCollection","features":[[]]}""", "has a feature (#0) that is an empty array")]
    [InlineData("""{"type":"FeatureCollection","features":["x"]}""", "has a feature (#0) that is a string")]
    public void A_value_of_the_wrong_kind_is_a_sentence_not_an_exception(string json, string problem) =>
        Assert.StartsWith(problem, MapBoundaries.ContentProblem(Encoding.UTF8.GetBytes(json), "code"),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("null", "whose geometry is null: give a Polygon or MultiPolygon")]
    [InlineData(null, "whose geometry is missing: give a Polygon or MultiPolygon")]
    [InlineData("""{"type":"Circle"}""", "whose geometry has type 'Circle'; the map draws Polygon and MultiPolygon")]
    [InlineData("""{"type":"Point","coordinates":[120.7,30.7]}""", "whose geometry has type 'Point'")]
    [InlineData("""{"coordinates":[]}""", "whose geometry has type nothing; the map draws Polygon")]
    [InlineData("""{"type":"Polygon"}""", "whose geometry has no coordinates")]
    [InlineData("""{"type":"Polygon","coordinates":"x"}""",
        "whose geometry coordinates are not rings of positions: found a string where an array belongs")]
    [InlineData("""{"type":"Polygon","coordinates":[[120.7,30.7]]}""",
        "coordinates are not rings of positions: found the number 120.7 where a position [longitude, latitude]")]
    [InlineData("""{"type":"Polygon","coordinates":[[[120.7]]]}""",
        "found an array of one value where a position [longitude, latitude] belongs")]
    [InlineData("""{"type":"Polygon","coordinates":[[[120.7,"30.7"]]]}""",
        "found a string in a position, where a finite number belongs")]
    [InlineData("""{"type":"Polygon","coordinates":[[[1e400,30.7]]]}""",
        "found the number 1e400 in a position, where a finite number belongs")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[120.7,30.7]]]}""",
        "coordinates are not polygons of rings of positions: found the number 120.7 where a position")]
    public void A_geometry_the_map_cannot_draw_names_the_feature_and_what_is_wrong(string? geometry, string problem)
    {
        var second = """{"type":"Feature","properties":{"code":"330481"}"""
            + (geometry is null ? "}" : ""","geometry":""" + geometry + "}");
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"330402"},"""
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + Square + "}}," + second + "]}";
        var sentence = MapBoundaries.ContentProblem(Encoding.UTF8.GetBytes(json), "code");
        Assert.StartsWith("has a feature (#1, code '330481') ", sentence, StringComparison.Ordinal);
        Assert.True(sentence!.Contains(problem, StringComparison.Ordinal), sentence);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":""" + Square + "}")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[""" + Square + "," + Square + "]}")]
    [InlineData("""{"type":"Polygon","coordinates":[[[120.7,30.7,12.5],[120.9,30.7,0],[120.8,30.8,1]]]}""")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""")]
    public void A_polygon_or_multipolygon_of_positions_is_accepted(string geometry)
    {
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":"330402"},"""
            + "\"geometry\":" + geometry + "}]}";
        Assert.Null(MapBoundaries.ContentProblem(Encoding.UTF8.GetBytes(json), "adcode"));
    }

    /// <summary>
    /// The property: thousands of seeded GeoJSON-like documents — valid ones mutated by putting values of every
    /// kind where others belong, dropping members, nesting and cutting the text — each get a sentence or null, and
    /// never an exception.
    /// </summary>
    [Fact]
    public void No_document_makes_the_check_throw()
    {
        var random = new Random(20261207);
        var sentences = 0;
        for (var i = 0; i < 4000; i++)
        {
            var json = BoundaryDocuments.Next(random);
            var bytes = Encoding.UTF8.GetBytes(json);
            if (random.Next(10) == 0)
            {
                bytes = bytes[..random.Next(bytes.Length + 1)];   // a file cut short
            }

            string? problem;
            try
            {
                problem = MapBoundaries.ContentProblem(bytes, "code");
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} threw {e.GetType().Name}: {e.Message}\n{json}");
                throw;
            }

            sentences += problem is null ? 0 : 1;
        }

        // The mix holds both: a generator that only ever broke the document would not test the happy path's reads.
        Assert.InRange(sentences, 500, 3900);
    }
}
