using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>
/// A special campaign (行业专项整治, or full-coverage checks ordered from above, 上级要求监督检查全覆盖) that the seed
/// document leaves out of class-based supervision: while its window lasts, the routine inspection of the enterprises
/// it names, and of the makers of the products it names, is the campaign's, so the plan leaves them out.
/// </summary>
public sealed class CampaignExclusion
{
    /// <summary>The campaign's name, shown to officers (e.g. "2027 e-bike charger campaign (电动自行车专项整治)").</summary>
    [Required]
    [MinLength(1)]
    public string Name { get; set; } = string.Empty;

    /// <summary>First day of the window.</summary>
    [Required]
    public DateOnly? From { get; set; }

    /// <summary>Last day of the window (inclusive).</summary>
    [Required]
    public DateOnly? To { get; set; }

    /// <summary>Unified social credit codes of the enterprises the campaign covers.</summary>
    public List<string> CreditCodes { get; set; } = [];

    /// <summary>Catalogue product codes: every maker of one of them is covered.</summary>
    public List<string> ProductCodes { get; set; } = [];

    /// <summary>True when the window covers the day.</summary>
    public bool Covers(DateOnly day) => From <= day && day <= To;

    internal IEnumerable<string> Errors(int index)
    {
        var where = $"Rules:Supervision:Exclusions:{index}";
        if (From is { } from && To is { } to && to < from)
        {
            yield return $"{where}: To must not be before From.";
        }

        if (CreditCodes.Count == 0 && ProductCodes.Count == 0)
        {
            yield return $"{where}: name at least one credit code or product code.";
        }

        foreach (var result in Validate())
        {
            yield return $"{where}: {result}";
        }
    }

    private List<string?> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage).ToList();
    }
}
