namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Valid documents (from the README and the tests) the fuzzer mutates, and the variable-taking operations it
/// feeds random values. Mutations never carry a well-formed input: the shared test database stays as seeded.
/// </summary>
public static class FuzzSeeds
{
    public static readonly string[] Documents =
    [
        "{ __typename }",
        "{ enterprises(first: 3, filter: {countyCode: \"330481\"}, orderBy: CLASS_WORST_FIRST) { totalCount edges { "
            + "node { creditCode name class healthCode qualityIndex blacklisted products { name tier } } } } }",
        "query Status($code: String!) { enterprise(creditCode: $code) { name county { name } town { name } class "
            + "classEffectiveFrom healthCode mapColour qualityIndex classExplanation { summary factors { name value "
            + "threshold effect } } blacklisted blacklistedSince assured assuredUntil inspections(limit: 5) { "
            + "sampledOn product { name } passed failedItems { name safetyItem } } } }",
        "{ enterprise(creditCode: \"913304831LXE3BD9A5\", asOf: \"2025-06-30\") { class healthCode qualityIndex "
            + "blacklisted assured classEffectiveFrom classHistory { effectiveFrom class reason } } }",
        "{ blacklist(first: 5) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { name } } } }",
        "{ assuredUnits(first: 5, orderBy: QUALITY_INDEX_HIGH_FIRST) { edges { node { name assuredUntil } } } }",
        "{ productCategories { code name products { code name tier } } }",
        "{ products(tier: HIGH) { code name tier } }",
        "{ city { code name assessment { colour index } children { code name } } }",
        "{ fourColorMap(level: COUNTY) { code name } }",
        "{ riskWarnings(first: 3) { edges { cursor node { title issuedOn } } } }",
        "query A { __typename } query B { productCategories { code } }",
        "query($f: EnterpriseFilter, $o: EnterpriseOrder, $n: Int, $a: String) { enterprises(filter: $f, orderBy: $o, "
            + "first: $n, after: $a) { totalCount edges { cursor node { name phone legalRepresentative } } } }",
        "fragment F on Enterprise { name class } { enterprises(first: 2) { edges { node { ...F ... on Enterprise { "
            + "healthCode } } } } }",
        "{ a: __typename b: __typename enterprises(first: 1) @include(if: true) { totalCount @skip(if: false) } }",
        "{ __schema { types { name kind fields(includeDeprecated: true) { name args { name } } } } }",
        "mutation { recordSampling(input: {}) { replayed } }",
        "mutation($input: RecordSamplingInput!) { recordSampling(input: $input) { replayed inspection { passed } } }",
        "subscription { enterprises { totalCount } }",
    ];

    /// <summary>Operations whose variables the value generator fills, with the variable names and their
    /// kinds.</summary>
    public static readonly (string Query, (string Name, ValueKind Kind)[] Variables)[] Operations =
    [
        ("query($code: String!, $d: Date) { enterprise(creditCode: $code, asOf: $d) { name class } }",
            [("code", ValueKind.CreditCode), ("d", ValueKind.Date)]),
        ("query($n: Int, $a: String, $o: EnterpriseOrder) { enterprises(first: $n, after: $a, orderBy: $o) { "
            + "edges { cursor } } }",
            [("n", ValueKind.Int), ("a", ValueKind.Cursor), ("o", ValueKind.Order)]),
        ("query($a: String, $n: Int) { blacklist(first: $n, after: $a, orderBy: QUALITY_INDEX_LOW_FIRST) "
            + "{ totalCount } }",
            [("a", ValueKind.Cursor), ("n", ValueKind.Int)]),
        ("query($a: String, $s: Date) { riskWarnings(first: 2, after: $a, since: $s) { totalCount } }",
            [("a", ValueKind.Cursor), ("s", ValueKind.Date)]),
        ("query($f: EnterpriseFilter) { enterprises(first: 2, filter: $f) { totalCount } }", [("f", ValueKind.Filter)]),
        ("query($c: String!, $d: Date) { product(code: $c, asOf: $d) { code tier } }", [("c", ValueKind.Text), ("d",
            ValueKind.Date)]),
        ("query($l: MapLevel!, $c: String) { fourColorMap(level: $l, county: $c) { code } }",
            [("l", ValueKind.Enum), ("c", ValueKind.Text)]),
        ("query($from: Date!, $to: Date!, $n: Int, $a: String) { inspectionPlan(from: $from, to: $to, first: $n, "
            + "after: $a) { __typename } }",
            [("from", ValueKind.Date), ("to", ValueKind.Date), ("n", ValueKind.Int), ("a", ValueKind.Cursor)]),
        ("query($t: ProductTier, $c: String) { products(tier: $t, categoryCode: $c) { code } }",
            [("t", ValueKind.Enum), ("c", ValueKind.Text)]),
    ];
}
