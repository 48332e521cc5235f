using System.Text.Json;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The declared purpose of a WebSocket connection. Browsers cannot set <c>X-Purpose</c> on the upgrade, so a
/// department that must state one (<c>RequirePurpose</c>) could not subscribe from a browser at all: the purpose may
/// also come in <c>connection_init</c>'s payload, as the token does (<c>X-Purpose</c> or <c>purpose</c>, at the top
/// or under <c>headers</c>). It is then put on the upgrade request, where every operation's check and log entry
/// read it, as they read the header.
/// </summary>
internal static class ConnectionPurpose
{
    private static readonly string[] Names = [PurposeHeader.Name, "purpose"];   // in any case (ConnectionParams)

    /// <summary>Takes the payload's purpose onto the upgrade request; the refusal when it is not one.</summary>
    public static ConnectionRefusal? Apply(JsonElement? payload, HttpRequest upgrade)
    {
        ArgumentNullException.ThrowIfNull(upgrade);
        if (payload is not { } body || ConnectionParams.All(body, Names) is not { Count: > 0 } all)
        {
            // The upgrade's own header, then, checked now: acknowledged, a malformed one refused every operation of
            // the connection one by one, and graphql-ws clients retry an operation's error without end.
            return PurposeHeader.Read(upgrade).Problem is { } badHeader
                ? Refusal($"the upgrade's {PurposeHeader.Name} header: {badHeader}")
                : null;
        }

        // A member that is no string is said as such wherever it stands among them.
        var found = all.FirstOrDefault(f => f.Value.ValueKind != JsonValueKind.String) is { Name: not null } odd
            ? odd
            : all[0];
        var purpose = found.Value.ValueKind == JsonValueKind.String ? UnicodeText.Read(found.Value) : null;
        // Two places holding different purposes: the log would record whichever came first.
        var other = all.Skip(1).FirstOrDefault(f =>
            f.Value.ValueKind != JsonValueKind.String || UnicodeText.Read(f.Value) != purpose);
        var problem = purpose is null
            ? $"payload.{found.Name} must be a string such as \"loan-review\"."
            : PurposeHeader.Problem(purpose) is { } malformed ? $"payload.{found.Name}: {malformed}"
            : other.Name is not null
                ? $"payload.{found.Name} is '{purpose}' but payload.{other.Name} is "
                    + $"'{Quoted.Start(other.Value.ToString())}': send one of them."
            : upgrade.Headers.TryGetValue(PurposeHeader.Name, out var header) && header != purpose
                ? $"payload.{found.Name} is '{purpose}' but the upgrade's {PurposeHeader.Name} header is "
                    + $"'{Quoted.Start(header.ToString())}': send one of them."
                : null;
        if (problem is not null)
        {
            return Refusal(problem);
        }

        upgrade.Headers[PurposeHeader.Name] = purpose;
        return null;
    }

    private static ConnectionRefusal Refusal(string problem) => new(CloseCodes.BadRequest,
        PurposeHeader.InvalidCode, StatusCodes.Status400BadRequest, $"{PurposeHeader.InvalidCode}: {problem}");
}
