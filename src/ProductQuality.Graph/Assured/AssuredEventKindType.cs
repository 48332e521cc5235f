using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Assured;

public sealed class AssuredEventKindType() : DescribedEnumType<AssuredEventKind>(
    "AssuredEventKind",
    "Grant, revocation or expiry of the assured consumption title.",
    new Dictionary<AssuredEventKind, string>
    {
        [AssuredEventKind.Granted] = "Granted or renewed (命名).",
        [AssuredEventKind.Revoked] = "Revoked after a downgrade or listing (撤销).",
        [AssuredEventKind.Expired] = "Expired at the end of its validity (到期).",
    });
