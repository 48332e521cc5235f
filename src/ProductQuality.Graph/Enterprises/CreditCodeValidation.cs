namespace ProductQuality.Graph.Enterprises;

/// <summary>The verdict on a unified social credit code (统一社会信用代码).</summary>
/// <param name="IsValid">True when the code is well formed and its check character is right.</param>
/// <param name="Problem">One sentence saying what is wrong, for the person who typed it; null when valid.</param>
public sealed record CreditCodeValidation(bool IsValid, string? Problem)
{
    /// <summary>The verdict for a valid code.</summary>
    public static CreditCodeValidation Valid { get; } = new(true, null);

    /// <summary>A verdict naming the problem.</summary>
    public static CreditCodeValidation Invalid(string problem) => new(false, problem);
}
