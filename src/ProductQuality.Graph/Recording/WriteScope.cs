using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// One write in progress: its database context (inside the transaction), who writes, the bureau's date, and the
/// shared checks every write uses, each reporting into <see cref="Errors"/>.
/// </summary>
public sealed class WriteScope(ProductQualityDbContext db, Audience audience, DateOnly today, DateTime utcNow)
{
    /// <summary>Dates older than this are taken for typing errors (a year of 2002 for 2026, say).</summary>
    public const int OldestYearsBack = 20;

    public ProductQualityDbContext Db { get; } = db;
    public Audience Audience { get; } = audience;
    public DateOnly Today { get; } = today;
    public DateTime UtcNow { get; } = utcNow;
    public InputErrors Errors { get; } = new();

    /// <summary>The writer's issuing authority: numbers it records are unique, and checked, within it only.</summary>
    public string Authority { get; } = IssuingAuthority.Of(audience);

    /// <summary>"department/subject" of the writer's token.</summary>
    // The columns hold 256 characters, and a token's subject is the identity provider's to choose: made fit as the
    // access log's caller text is, else a long subject failed every write on PostgreSQL.
    public string RecordedBy => StoredText.Fit($"{Audience.Department}/{Audience.Subject ?? "unknown"}", 256)!;

    /// <summary>
    /// The enterprise, tracked, when the code is valid and it is in the writer's jurisdiction. Outside a county
    /// bureau's county the answer is word for word the one an unknown code gets, so a write reveals nothing a read
    /// would not.
    /// </summary>
    public async Task<Enterprise?> EnterpriseAsync(string? creditCode, CancellationToken ct)
    {
        var check = CreditCode.Validate(creditCode);
        if (!check.IsValid)
        {
            Errors.Add("creditCode",
                $"'{Quoted.Start(creditCode)}' is not a valid unified social credit code (统一社会信用代码): "
                + $"{check.Problem}.");
            return null;
        }

        var enterprise = await Audience.Rows.Enterprises(Db.Enterprises)
            .FirstOrDefaultAsync(e => e.CreditCode == creditCode, ct);
        if (enterprise is null)
        {
            Errors.Add("creditCode",
                $"No enterprise has the credit code '{creditCode}'. Check the code against the business licence.",
                ErrorCodes.EnterpriseNotFound);
        }

        return enterprise;
    }

    /// <summary>The catalogue product with that code, or an error on the field.</summary>
    public async Task<Product?> ProductAsync(string field, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            Errors.Add(field, "Give the product code of the catalogue (重点工业产品目录), e.g. P004.");
            return null;
        }

        var product = await Db.Products.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (product is null)
        {
            Errors.Add(field,
                $"No product has the code '{Quoted.Start(code)}'; product codes run P001–P273 (query `products` for "
                + "the catalogue).");
        }

        return product;
    }

    /// <summary>
    /// An error on the product field when the enterprise does not make the product: a fact about the enterprise
    /// counted against a product of other makers (a complaint moved its tier city-wide). Nothing more is said when
    /// either is unknown (its own error is reported).
    /// </summary>
    public async Task MadeByAsync(
        string field, Enterprise? enterprise, Product? product, string facts, CancellationToken ct)
    {
        if (enterprise is not null && product is not null
            && !await Db.EnterpriseProducts.AnyAsync(
                p => p.EnterpriseId == enterprise.Id && p.ProductCode == product.Code, ct))
        {
            Errors.Add(field, $"The enterprise does not make product {product.Code} ({product.NameZh}); record "
                + $"{facts} of its own products only, or correct the product code.");
        }
    }

    /// <summary>
    /// The trimmed text when it is not blank and fits the column; otherwise an error and an empty string. Blank
    /// includes invisible, and some characters are refused anywhere (<see cref="FreeText"/>).
    /// </summary>
    public string Text(string field, string? value, int maxLength = 256)
    {
        var text = value?.Trim() ?? "";
        if (!FreeText.HasVisibleCharacter(text))
        {
            Errors.Add(field, $"{field} is required: give a non-blank value.");
        }
        else if (Characters(text) > maxLength)
        {
            Errors.Add(field, $"{field} has {Characters(text)} characters; shorten it to at most {maxLength}.");
        }
        else if (FreeText.FirstRefused(text) is { } refused)
        {
            Errors.Add(field, $"{field} holds {refused}; remove it (tabs and line breaks are kept).");
        }

        return text;
    }

    /// <summary>Optional free text: empty when blank or invisible, otherwise checked as <see cref="Text"/>.</summary>
    public string OptionalText(string field, string? value, int maxLength) =>
        FreeText.HasVisibleCharacter(value?.Trim() ?? "") ? Text(field, value, maxLength) : "";

    /// <summary>
    /// A document number (<see cref="DocumentNumber"/>): required, fitting the column, in the form it is stored and
    /// compared in, and refused when it holds a character that is not printed text.
    /// </summary>
    public string DocumentNumber(string field, string? value, int maxLength = 256)
    {
        var normalized = value is null ? null : Recording.DocumentNumber.Normalize(value);
        if (value is not null && normalized is null)
        {
            Errors.Add(field, $"{field} is not valid Unicode text (it holds a lone UTF-16 surrogate).");
            return "";
        }

        // Named before the general text checks, which would call a number of zero-width spaces blank: one error each.
        if (normalized?.Trim() is { Length: > 0 } trimmed
            && PrintableText.FirstUnprintable(trimmed) is { } unprintable)
        {
            Errors.Add(field, $"{field} holds {unprintable}: a document number is compared character by character, "
                + "so write it as printed, without invisible, control or combining characters.");
            return trimmed;
        }

        return Text(field, normalized, maxLength);
    }

    /// <summary>
    /// Characters as the schema's limits and PostgreSQL's <c>varchar(n)</c> count them: Unicode scalar values, so an
    /// emoji (two UTF-16 units) is one. Counting <c>string.Length</c> refused 33 emoji as "66 characters" under a
    /// documented limit of 64.
    /// </summary>
    public static int Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// A date of something that has happened: not after today (China Standard Time), not absurdly old.
    /// </summary>
    public void PastDate(string field, DateOnly date)
    {
        if (date > Today)
        {
            Errors.Add(field, $"{field} {date:yyyy-MM-dd} is in the future; today is {Today:yyyy-MM-dd} "
                + "(China Standard Time). Give the date it happened.");
        }
        else if (date < Today.AddYears(-OldestYearsBack))
        {
            Errors.Add(field, $"{field} {date:yyyy-MM-dd} is more than {OldestYearsBack} years ago, which is taken "
                + $"for a mistyped year (facts are recorded for the last {OldestYearsBack} years); check the year.");
        }
    }

    /// <summary>
    /// A date of something that happened to an enterprise: a past date (above), and not before the enterprise was
    /// established — a sampling or status dated years before it existed was stored, and rewrote its class history
    /// from that day. Nothing more is said when the enterprise is unknown (its own error is reported).
    /// </summary>
    public void PastDate(string field, DateOnly date, Enterprise? enterprise)
    {
        PastDate(field, date);
        // One error per date: a future or ancient one has its own.
        if (enterprise is not null && date < enterprise.EstablishedOn && date <= Today
            && date >= Today.AddYears(-OldestYearsBack))
        {
            Errors.Add(field, $"{field} {date:yyyy-MM-dd} is before the enterprise was established "
                + $"({enterprise.EstablishedOn:yyyy-MM-dd}); check the date and the credit code.");
        }
    }

    /// <summary>An expiry: after today, and within a sane horizon.</summary>
    public void FutureDate(string field, DateOnly date)
    {
        if (date <= Today)
        {
            Errors.Add(field,
                $"{field} must be after today ({Today:yyyy-MM-dd}); give the last day the decision should apply.");
        }
        else if (date > Today.AddYears(10))
        {
            Errors.Add(field, $"{field} {date:yyyy-MM-dd} is more than 10 years ahead; check the year.");
        }
    }
}
