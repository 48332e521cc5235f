using GraphQL.Validation;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The validation every operation gets, over HTTP and over WebSocket alike: GraphQL's own rules, the depth limit
/// (<see cref="DepthRule"/>), text values fit to store (<see cref="TextValueRule"/>), the
/// variable positions the library lets through (<see cref="NullDefaultVariableRule"/>), and no "never used" for a
/// fragment whose name is defined twice (<see cref="UnusedFragmentRule"/>).
/// </summary>
internal static class ValidationRules
{
    public static IValidationRule[] For(GraphQLHttpOptions options) =>
    [
        // The library's argument-type rule, with an enum's values named (EnumLiteralRule); its unused-fragment rule,
        // with fragments used by name (UnusedFragmentRule).
        .. DocumentValidator.CoreRules.Select(rule => rule switch
        {
            GraphQL.Validation.Rules.ArgumentsOfCorrectType => EnumLiteralRule.Instance,
            GraphQL.Validation.Rules.NoUnusedFragments => UnusedFragmentRule.Instance,
            _ => rule,
        }),
        NullDefaultVariableRule.Instance,
        new DepthRule(options.MaxDepth),
        TextValueRule.Instance,
    ];
}
