namespace ProductQuality.Graph.Schema;

/// <summary>Stable codes in <c>errors[].extensions.code</c>; partners branch on these, never on message text.</summary>
public static class ErrorCodes
{
    public const string InvalidCreditCode = "INVALID_CREDIT_CODE";
    public const string PageTooLarge = "PAGE_TOO_LARGE";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidArgument = "INVALID_ARGUMENT";
}
