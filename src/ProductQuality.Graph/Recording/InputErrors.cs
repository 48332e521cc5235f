using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>Collects the field errors of one write, so the caller learns everything to fix in one round trip.</summary>
public sealed class InputErrors
{
    private readonly List<DomainException> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message, string code = ErrorCodes.InvalidInput) =>
        _errors.Add(DomainException.ForField(code, "input." + field, message));

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputRejectedException(_errors);
        }
    }
}
