using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Parses a GraphQL document and turns every way the parser can fail into a request error with a code: a syntax
/// error says where, nesting beyond the parser's depth is DOCUMENT_TOO_DEEP, and a parser that trips over its own
/// error message (a carriage return before a control character does that) still answers SYNTAX_ERROR.
/// </summary>
internal static class DocumentParser
{
    public const string SyntaxError = "SYNTAX_ERROR";
    public const string TooDeep = "DOCUMENT_TOO_DEEP";

    /// <summary>Deepest nesting of the parsed tree (selections, lists, objects): the parser's default.</summary>
    public const int MaxParserDepth = 128;

    public static (GraphQLDocument? Document, RequestError? Error) Parse(string query)
    {
        try
        {
            var options = new GraphQLParser.ParserOptions { MaxDepth = MaxParserDepth };
            return (GraphQLParser.Parser.Parse(query, options), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, RequestError.BadRequest(TooDeep,
                "The GraphQL document nests selections, lists or objects too deeply "
                + $"(the parser stops at {MaxParserDepth} levels, counting a field and its selection set as two: about "
                + $"{MaxParserDepth / 2 - 4} nested fields): flatten it, or pass deep values as variables."));
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return (null, RequestError.BadRequest(SyntaxError,
                $"The GraphQL document does not parse: {ex.Description} "
                + $"(line {ex.Location.Line}, column {ex.Location.Column})."));
        }
#pragma warning disable CA1031 // The parser is pure: whatever else it throws is about the text, never the server.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, RequestError.BadRequest(SyntaxError,
                "The GraphQL document does not parse: look for unbalanced brackets, unterminated strings or control "
                + "characters outside strings."));
        }
    }
}
