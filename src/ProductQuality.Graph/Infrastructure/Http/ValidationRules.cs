using GraphQL.Validation;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The validation every operation gets, over HTTP and over WebSocket alike: GraphQL's own rules, the depth limit
/// (<see cref="DepthRule"/>), text values fit to store (<see cref="TextValueRule"/>), and the
/// variable positions the library lets through (<see cref="NullDefaultVariableRule"/>).
/// </summary>
internal static class ValidationRules
{
    public static IValidationRule[] For(GraphQLHttpOptions options) =>
    [
        // The library's argument-type rule, with an enum's values named (EnumLiteralRule).
        .. DocumentValidator.CoreRules.Select(rule => rule is GraphQL.Validation.Rules.ArgumentsOfCorrectType
            ? EnumLiteralRule.Instance
            : rule),
        NullDefaultVariableRule.Instance,
        new DepthRule(options.MaxDepth),
        TextValueRule.Instance,
    ];
}
