using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Blacklist;

public sealed class BlacklistReasonType() : DescribedEnumType<BlacklistReason>(
    "BlacklistReason",
    "Published reason category of a blacklist listing (列入原因类别).",
    new Dictionary<BlacklistReason, string>
    {
        [BlacklistReason.RepeatFailure] = "Repeat failure after a rectification order (屡查屡犯).",
        [BlacklistReason.UnlicensedProduction] = "Unlicensed production (无证生产).",
        [BlacklistReason.Counterfeiting] = "Counterfeiting (制假售假).",
        [BlacklistReason.IntellectualPropertyInfringement] = "Intellectual-property infringement (侵犯知识产权).",
    });
