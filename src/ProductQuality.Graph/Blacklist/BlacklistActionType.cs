using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Blacklist;

public sealed class BlacklistActionType() : DescribedEnumType<BlacklistAction>(
    "BlacklistAction",
    "What a blacklist decision (黑名单决定) does.",
    new Dictionary<BlacklistAction, string>
    {
        [BlacklistAction.List] = "List the enterprise on the blacklist (列入黑名单); refused when it is already listed.",
        [BlacklistAction.Remove] = "Remove the enterprise from the blacklist (移出黑名单); refused when it is not listed. "
            + "History is kept.",
    });
