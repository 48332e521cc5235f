using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Blacklist;

public sealed class BlacklistEventKindType() : DescribedEnumType<BlacklistEventKind>(
    "BlacklistEventKind",
    "A listing or a removal.",
    new Dictionary<BlacklistEventKind, string>
    {
        [BlacklistEventKind.Listed] = "Listed on the blacklist (列入).",
        [BlacklistEventKind.Removed] = "Removed from the blacklist (移出); history is kept.",
    });
