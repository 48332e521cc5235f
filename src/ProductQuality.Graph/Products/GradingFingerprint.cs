using System.Globalization;
using System.Text;
using System.Text.Json;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Products;

namespace ProductQuality.Graph.Products;

/// <summary>
/// What a reader may see change from one grading to the next, as bytes to compare (<see cref="TierHistoryView"/>):
/// the tier, the override, and the explanation's factors of groups it reads, each computed from facts of those groups
/// alone (signals, traits, sensitivity flags, the override; bulletins for a reader of warnings). Not the score: it is
/// the sum of every part, hidden ones too, and the nonconformity part is a rate that moves with every sampling of a
/// product's makers, passed ones included, and with every sampling leaving the window: compared, it dated a product's
/// one maker's samplings (22 of the 174 rows drc read of its one-maker products). Of the factor stating the score only
/// the tier it calls for is compared, a tier like the one it overrides. The summary restates these factors and the
/// score, and is left out; so is the reason, which says only how the row came to be written ("recomputed").
/// Read from the stored JSON without building the explanation: a reader without every fact reads a product's whole
/// history to find the few rows it sees (45,569 gradings, 118 MB, for the catalogue), and deserialized they took most
/// of the 5–9 s that read took (the cost probe).
/// </summary>
internal sealed class GradingFingerprint
{
    private const byte Separator = 0x1f;
    private static readonly byte[] Factors = "factors"u8.ToArray();
    private static readonly byte[][] Compared = ["rule"u8.ToArray(), "outcome"u8.ToArray(), "rulesVersion"u8.ToArray()];
    private static readonly byte[] Name = "name"u8.ToArray();
    private static readonly byte[] Effect = "effect"u8.ToArray();
    private static readonly byte[] Group = "group"u8.ToArray();
    private static readonly byte[] Score = Encoding.UTF8.GetBytes(ProductTierRule.ScoreFactor);

    private readonly Audience audience;
    private readonly byte[][] readable;
    private readonly bool readsUntagged;
    private byte[] buffer = new byte[1024];
    private int length;

    public GradingFingerprint(Audience audience)
    {
        this.audience = audience;
        readable = Enum.GetValues<FactGroup>().Where(audience.Reads)
            .Select(g => Encoding.UTF8.GetBytes(JsonNamingPolicy.CamelCase.ConvertName(g.ToString()))).ToArray();

        // An untagged factor (stored before facts were tagged) is read by the regulators' contract only.
        readsUntagged = audience.Contract.ReadsEveryFact();
    }

    /// <summary>The row's fingerprint for this reader: equal for two rows exactly when it sees no change.</summary>
    public byte[] Of(ProductTierAssessment row)
    {
        length = 0;
        Part(row.Tier.ToString());
        Part(row.IsOverride ? "override" : "computed");
        Part(row.OverrideExpiresOn?.ToString("O", CultureInfo.InvariantCulture));
        Part(row.RulesVersion);
        var json = Encoding.UTF8.GetBytes(row.Explanation ?? "");
        var start = length;
        if (!FromJson(json))
        {
            length = start;
            FromExplanation(ExplanationJson.Read(row.Explanation));
        }

        return buffer.AsSpan(0, length).ToArray();
    }

    // One explanation object as stored today; false for anything else (a list of them, a legacy shape), which is
    // read as the explanation it holds: its parts written otherwise, the first row of that shape reads as a change.
    private bool FromJson(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(Factors))
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !FactorsFrom(ref reader))
                {
                    return false;
                }
            }
            else if (AnyEquals(ref reader, Compared))
            {
                Part(reader.ValueSpan);
                if (!reader.Read() || !Value(ref reader))
                {
                    return false;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    // Each factor the reader reads, property by property; the score's by its name and the tier it calls for.
    private bool FactorsFrom(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var start = length;
            var (isScore, tagged, reads, effectAt) = (false, false, false, -1);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(Group))
                {
                    reader.Read();
                    tagged = reader.TokenType != JsonTokenType.Null;
                    reads = reader.TokenType == JsonTokenType.String && AnyEquals(ref reader, readable);
                    continue;
                }

                var (name, effect) = (reader.ValueTextEquals(Name), reader.ValueTextEquals(Effect));
                effectAt = effect ? length : effectAt;
                Part(reader.ValueSpan);
                if (!reader.Read() || !Value(ref reader))
                {
                    return false;
                }

                isScore |= name && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(Score);
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                return false;
            }

            if (tagged ? !reads : !readsUntagged)
            {
                length = start;
            }
            else if (isScore)
            {
                var kept = effectAt < 0 ? [] : buffer.AsSpan(effectAt, length - effectAt).ToArray();
                length = start;
                Part(Score);
                kept.CopyTo(Room(kept.Length));
                length += kept.Length;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool AnyEquals(ref Utf8JsonReader reader, byte[][] texts)
    {
        foreach (var text in texts)
        {
            if (reader.ValueTextEquals(text))
            {
                return true;
            }
        }

        return false;
    }

    // A property's value, unescaped (text is stored with '+' as \u002B); false for an object or list, not a shape
    // of today's factors.
    private bool Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            Part(reader.TokenType == JsonTokenType.Null ? [] : reader.ValueSpan);
            return true;
        }

        var room = Room(reader.ValueSpan.Length + 1);
        room[0] = Separator;
        length += 1 + reader.CopyString(room[1..]);
        return true;
    }

    private void FromExplanation(Explanation? explanation)
    {
        if (explanation is null)
        {
            return;
        }

        Part(explanation.Rule);
        Part(explanation.Outcome);
        Part(explanation.RulesVersion);
        foreach (var f in audience.FactorsFor(explanation))
        {
            Part(f.Name);
            if (f.Name != ProductTierRule.ScoreFactor)
            {
                Part(f.Value);
                Part(f.Threshold);
            }

            Part(f.Effect);
        }
    }

    private void Part(string? text) => Part(Encoding.UTF8.GetBytes(text ?? ""));

    // A separator no text holds before each part, so no two rows read alike by running one part into the next.
    private void Part(ReadOnlySpan<byte> bytes)
    {
        var room = Room(bytes.Length + 1);
        room[0] = Separator;
        bytes.CopyTo(room[1..]);
        length += bytes.Length + 1;
    }

    private Span<byte> Room(int size)
    {
        if (length + size > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + size));
        }

        return buffer.AsSpan(length, size);
    }
}
