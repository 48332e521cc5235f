using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Errors;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// GraphQL.NET's own sentences that say what is wrong but not what to send, or misquote the request: said again
/// with the remedy (the fuzz probe read "in operation '$Q'" for an operation named Q).
/// </summary>
internal static class LibraryMessages
{
    public static string Explain(ExecutionError error, string message) => error switch
    {
        NoOperationError => "The document has no operation, only fragments or nothing: send a query, mutation or "
            + "subscription, e.g. { __typename }.",
        NoOperationNameError => "The document has more than one operation and the request names none: send "
            + "'operationName' naming the one to run (each operation's name follows its keyword: query Name { … }).",
        NoUnusedVariablesError => message.Replace("in operation '$", "in operation '", StringComparison.Ordinal)
            + " Remove it from the operation's variable definitions, or use it.",
        // Apollo Client and urql send these for incremental delivery, which this server does not do: the library's
        // "Unknown directive 'defer'." did not say to take it out (the protocol probe).
        KnownDirectivesError when message.Contains("'defer'", StringComparison.Ordinal)
            || message.Contains("'stream'", StringComparison.Ordinal) =>
            message + " This server does not deliver answers in parts (@defer, @stream): remove the directive; the "
                + "whole answer comes in one response.",
        KnownDirectivesError => Ended(message)
            + " An operation may use @include and @skip: remove it, or use one of those.",
        // What to send instead, where the library says only what is wrong (the wire probe).
        NoUnusedFragmentsError => Ended(message)
            + " Remove the fragment, or spread it (...Name) where its fields belong.",
        NoUndefinedVariablesError => Ended(message) + " Declare it in the operation's variable definitions, e.g. "
            + "query($name: String) { … }, or write the value in place.",
        KnownFragmentNamesError => Ended(message) + " Define the fragment in the same document (fragment Name on Type "
            + "{ … }), or remove the spread.",
        UniqueDirectivesPerLocationError => Ended(message) + " Keep one of them.",
        DirectivesInAllowedLocationsError => Ended(message)
            + " Move the directive to a place it is allowed, or remove it.",
        ScalarLeafsError when message.Contains("must have a sub selection", StringComparison.Ordinal) =>
            message + ": list the fields you want, e.g. { code name }.",
        ScalarLeafsError => message + ": remove the { … } after it; it is a value, not an object.",
        // Unless the message already says what the type takes (an enum's values, a scalar's form).
        ArgumentsOfCorrectTypeError when message.Contains("Expected type", StringComparison.Ordinal)
            && !message.Contains(" takes ", StringComparison.Ordinal) => message + " Send a value of that type.",
        ProvidedNonNullArgumentsError => Ended(message) + " Give it a value.",
        UniqueFragmentNamesError => Ended(message) + " Rename one of them.",
        UniqueVariableNamesError => Ended(message) + " Declare each variable once.",
        _ => message,
    };

    // The library ends some sentences without a full stop ("There can be only one fragment named 'F'"), and the
    // remedy followed on as if one sentence ("… named 'F' Rename one of them.").
    private static string Ended(string message) =>
        message.EndsWith('.') || message.EndsWith('?') ? message : message + ".";
}
