using System.Text;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Damaged GraphQL documents: valid ones with characters deleted, duplicated, swapped or replaced, tokens and
/// unicode inserted, literals swapped for absurd ones; soups of random tokens; and nesting of selections, lists
/// and object literals from shallow to far past the parser's limit.
/// </summary>
public sealed class DocumentMutator(Random random, ValueGenerator values)
{
    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", "$", "...", ":", "=", "@include(if: true)", "@skip(if: $x)", "\"", "\"\"\"",
        "#", "\r", "\r\b",
        "\u0000", "\u001f", "\ufeff", "😀", "企业", "\ud800", "\udc00", "query", "mutation", "subscription", "fragment",
        "on",
        "__typename", "__schema", "enterprises", "first: 99999999999999999999", "first: 1e400", "first: -1",
        "after: \"x\"",
        "null", "true", "1.5e999", "-0", "$undefined", "enterprise(creditCode: 1)", "asOf: \"2025-02-30\"", ",", "&",
        "\\u0041",
    ];

    public string Next()
    {
        var seed = FuzzSeeds.Documents[random.Next(FuzzSeeds.Documents.Length)];
        return random.Next(10) switch
        {
            0 => Soup(),
            1 => Deep(),
            2 => seed,
            _ => Mutate(seed, random.Next(1, 3)),
        };
    }

    public string Mutate(string document, int times)
    {
        var text = new StringBuilder(document);
        for (var i = 0; i < times && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            var length = Math.Min(text.Length - at, random.Next(1, 12));
            switch (random.Next(6))
            {
                case 0:
                    text.Remove(at, length);
                    break;
                case 1:
                    text.Insert(at, text.ToString(at, length));
                    break;
                case 2:
                    var other = random.Next(text.Length);
                    (text[at], text[other]) = (text[other], text[at]);
                    break;
                case 3:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
                case 4:
                    text.Length = at;
                    break;
                default:
                    text.Insert(at, " " + Tokens[random.Next(Tokens.Length)] + " ");
                    break;
            }
        }

        return text.ToString();
    }

    private string Soup() => string.Join(' ', Enumerable.Range(0, random.Next(1, 40))
        .Select(_ => random.Next(5) == 0 ? values.Text() : Tokens[random.Next(Tokens.Length)]));

    private string Deep()
    {
        var depth = random.Next(4) == 0 ? random.Next(1, 20) : random.Next(100, 3_000);
        return random.Next(4) switch
        {
            0 => "{ " + string.Concat(Enumerable.Repeat("enterprises { ", depth)) + "x" + new string('}', depth + 1),
            1 => "{ enterprises(first: " + new string('[', depth) + "1" + new string(']', depth) + ") { totalCount } }",
            2 => "{ enterprises(filter: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}',
                depth)
                + ") { totalCount } }",
            _ => "query($v: [[Int]]) { __typename } "
                + string.Concat(Enumerable.Repeat("fragment F on Query { ...F ", depth))
                + new string('}', depth),
        };
    }
}
