using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>The class an enterprise's conditions call for, before the upgrade/downgrade principle.</summary>
/// <param name="Class">The class the conditions call for.</param>
/// <param name="Reasons">Each condition that decided the class, in plain English with the Chinese term.</param>
/// <param name="SamplingsInWindow">Samplings counted (within the window, on or before the as-of date).</param>
/// <param name="FailuresInWindow">Failed samplings among them.</param>
/// <param name="Explanation">Summary and every factor weighed.</param>
public sealed record EnterpriseClassResult(
    EnterpriseClass Class,
    IReadOnlyList<string> Reasons,
    int SamplingsInWindow,
    int FailuresInWindow,
    Explanation Explanation);
