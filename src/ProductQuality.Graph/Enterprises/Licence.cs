namespace ProductQuality.Graph.Enterprises;

/// <summary>A production licence or CCC certificate held by an enterprise for one product.</summary>
public sealed class Licence
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string ProductCode { get; set; }
    public LicenceKind Kind { get; set; }
    public required string Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
}
