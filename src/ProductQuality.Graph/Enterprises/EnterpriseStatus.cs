namespace ProductQuality.Graph.Enterprises;

/// <summary>One input code of <c>enterpriseStatuses</c> and the enterprise it names (as of the day), if any.</summary>
public sealed record EnterpriseStatus(CreditCodeItem Item, Enterprise? Enterprise);
