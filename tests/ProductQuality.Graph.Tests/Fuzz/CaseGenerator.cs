using System.Text;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Deterministic requests from one seed: documents, variables, bodies, headers, tokens, GET parameters and bodies
/// damaged with bytes that are not UTF-8, each kind drawing on the generators. The same seed always yields the same
/// requests, in the same order.
/// </summary>
public sealed class CaseGenerator
{
    public static readonly string[] Kinds = ["document", "variables", "body", "header", "token", "get", "bytes"];

    /// <summary>Sequences no UTF-8 text holds: a stray continuation byte, 0xFF, an overlong NUL, an encoded
    /// surrogate, a code point past U+10FFFF, a sequence cut short; and NUL and DEL, which UTF-8 does hold.</summary>
    private static readonly byte[][] Bytes =
        [[0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x00], [0x7F]];

    private static readonly string[] Readers = ["finance", "tax", "drc", "yrd-partner", "industry-access", "sci-tech"];
    private static readonly string[] Regulators = ["samr-jiaxing", "samr-330481"];

    private readonly Random _random;
    private readonly ValueGenerator _values;
    private readonly DocumentMutator _documents;
    private readonly Func<string, string> _mint;
    private readonly RequestParts _parts;

    public CaseGenerator(int seed, Func<string, string> mint, IReadOnlyList<string> creditCodes,
        IReadOnlyList<string> cursors)
    {
        _random = new Random(seed);
        _values = new ValueGenerator(_random, creditCodes, cursors);
        _documents = new DocumentMutator(_random, _values);
        _mint = mint;
        _parts = new RequestParts(_random, _values);
    }

    public FuzzCase Next(int index, string kind)
    {
        var (body, auth) = kind switch
        {
            "variables" => Variables(),
            "body" => (_parts.BrokenBody(), Token(false)),
            "token" => (JsonText.Request(FuzzSeeds.Documents[_random.Next(FuzzSeeds.Documents.Length)]),
                _parts.BadAuthorization(_mint)),
            "bytes" => _random.Next(2) == 0 ? Variables() : Document(),
            _ => Document(),
        };

        if (kind == "bytes")
        {
            var length = Encoding.UTF8.GetByteCount(body);
            var damage = Enumerable.Range(0, _random.Next(1, 4))
                .Select(_ => (_random.Next(length + 1), Bytes[_random.Next(Bytes.Length)])).ToList();
            return new FuzzCase(index, kind, HttpMethod.Post, "/graphql", body, "application/json",
                _parts.Accept(false), auth) { Damage = damage };
        }

        if (kind == "get")
        {
            return new FuzzCase(index, kind, HttpMethod.Get, "/graphql?" + _parts.QueryString(_documents.Next()),
                null, null,
                _parts.Accept(false), auth);
        }

        var headers = kind == "header";
        return new FuzzCase(index, kind, headers ? _parts.Method() : HttpMethod.Post, "/graphql", body,
            _parts.ContentType(headers), _parts.Accept(headers), auth);
    }

    private (string Body, string? Auth) Document()
    {
        var document = _documents.Next();
        var variables = _random.Next(8) == 0 ? _values.Wrong() : null;
        var operation = _random.Next(8) == 0 ? _values.Text() : null;
        return (JsonText.Request(document, variables, operation), Token(document.Contains("mutation",
            StringComparison.Ordinal)));
    }

    private (string Body, string? Auth) Variables()
    {
        var (query, names) = FuzzSeeds.Operations[_random.Next(FuzzSeeds.Operations.Length)];
        var members = names.Where(_ => _random.Next(8) != 0).Select(v => (v.Name, _values.For(v.Kind))).ToList();
        if (_random.Next(6) == 0)
        {
            members.Add(("unexpected", _values.Wrong()));
        }

        var document = _random.Next(8) == 0 ? _documents.Mutate(query, 1) : query;
        return (JsonText.Request(document, JsonText.Object([.. members])), Token(false));
    }

    /// <summary>A valid token of a random contract (none: the public); regulators never get a mutation.</summary>
    private string? Token(bool mutation)
    {
        var pick = _random.Next(10);
        if (pick == 0)
        {
            return null;
        }

        var pool = mutation || pick < 6 ? Readers : Regulators;
        return "Bearer " + _mint(pool[_random.Next(pool.Length)]);
    }
}
