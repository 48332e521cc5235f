namespace ProductQuality.Graph.Data;

/// <summary>
/// The collation that compares text by code point on the current provider, so ordered lists and their cursors give
/// the same answers everywhere. A PostgreSQL database compares with its own locale (zh-CN orders 安吉 before 嘉兴 by
/// pinyin, en_US ignores case first), which would make the same query order and page differently than on SQLite.
/// "C" is byte order of UTF-8, i.e. code point order, the same as SQLite's BINARY (its default, so its indexes serve
/// it).
/// </summary>
public static class OrdinalText
{
    public static string CollationFor(ProductQualityDbContext db) => db.IsPostgreSql ? "C" : "BINARY";
}
