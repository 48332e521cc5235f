namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// The industry word (行业) of an enterprise name by product category, and the names.csv suffixes that already carry one.
/// </summary>
internal sealed record IndustryWords(IReadOnlyList<string> Words, IReadOnlyList<string> Suffixes)
{
    private static readonly Dictionary<string, (string[] Words, string[] SuffixWords)> ByCategory =
        new(StringComparer.Ordinal)
        {
            ["C01"] = (["机械", "五金", "化工", "电气", "金属", "材料"], ["机械", "五金", "新材料", "化纤"]),
            ["C02"] = (["电器", "电气", "厨具", "家电"], ["电器"]),
            ["C03"] = (["木业", "家居", "建材", "装饰"], ["木业", "家居", "新材料"]),
            ["C04"] = (["电子", "信息", "光电"], ["电子"]),
            ["C05"] = (["车业", "汽配", "动力"], ["机械"]),
            ["C06"] = (["玩具", "婴童", "童装"], []),
            ["C07"] = (["包装", "塑料", "日用品"], []),
            ["C08"] = (["纺织", "服饰", "针织", "经编", "皮革"], ["纺织", "制衣", "服饰", "皮革", "化纤"]),
            ["C09"] = (["康复", "护理用品"], []),
            ["C10"] = (["农资", "肥业", "农机"], []),
            ["C11"] = (["日用品", "工艺品", "制品"], ["五金"]),
            ["C12"] = (["文具", "体育用品", "教育设备"], []),
            ["C13"] = (["日化", "卫生用品", "洗涤用品"], []),
        };

    private static readonly Dictionary<string, IndustryWords> Cache = new(StringComparer.Ordinal);

    public static IndustryWords For(string category, IReadOnlyList<string> suffixes)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(category, out var words))
            {
                var (w, s) = ByCategory.TryGetValue(category, out var entry) ? entry : (["实业"], []);
                words = new IndustryWords(
                    w, suffixes.Where(x => s.Any(k => x.StartsWith(k, StringComparison.Ordinal))).ToList());
                Cache[category] = words;
            }

            return words;
        }
    }
}
