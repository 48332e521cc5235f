using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>A manual class decision (人工调整) from <see cref="From"/>; a null class withdraws the previous one.</summary>
public sealed record ClassOverrideFact(DateOnly From, EnterpriseClass? Class, string Reason, DateOnly ExpiresOn);
