using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>
/// Which list a cursor belongs to: the field's name, the caller's row scope (a county's, an enterprise's) and the
/// arguments that choose its rows, written out the same way every time (sorted by name, defaults, nulls and empty
/// input objects left out), and the seal its cursors are made with. Paging arguments (<c>first</c>, <c>after</c>)
/// do not count, nor <c>orderBy</c>, which the cursor carries itself so that a mismatch can be named.
/// </summary>
public readonly record struct ListScope(string Text, CursorSeal Seal)
{
    private static readonly JsonSerializerOptions SetPropertiesOnly =
        new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static readonly HashSet<string> Paging = new(StringComparer.Ordinal) { "first", "after", "orderBy" };

    public static ListScope Of(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = new StringBuilder(context.FieldDefinition.Name);

        // The caller's rows choose the list too: a county's cursor taken by another county was accepted and placed
        // its page after an enterprise of the first county, skipping rows (the fuzz probe).
        var rows = context.Audience().Rows;
        scope.Append(rows.County is { } county ? "|county=" + county : "")
            .Append(rows.Enterprise is { } enterprise ? "|enterprise=" + enterprise : "")
            .Append(rows.PublishedOnly ? "|published" : "");
        var arguments = context.Arguments ?? new Dictionary<string, ArgumentValue>();
        foreach (var (name, value) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (Paging.Contains(name) || value.Source == ArgumentSource.FieldDefault || value.Value is null)
            {
                continue;
            }

            // An input object that sets nothing ("filter: {}", "filter: {countyCode: null}") chooses the same rows as
            // no argument, and its cursors must serve that list too.
            var written = new StringBuilder();
            Write(written, value.Value);
            if (written.ToString() != "{}")
            {
                scope.Append('|').Append(name).Append('=').Append(written);
            }
        }

        var keys = context.RequestServices!.GetRequiredService<Infrastructure.CursorKeys>();
        return new ListScope(scope.ToString(), keys.Lists);
    }

    private static void Write(StringBuilder to, object? value)
    {
        switch (value)
        {
            case null:
                to.Append("null");
                break;
            case string text:
                to.Append(JsonSerializer.Serialize(text));
                break;
            case IDictionary<string, object?> fields:
                to.Append('{');
                foreach (var (name, field) in fields.Where(f => f.Value is not null)
                    .OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    to.Append(name).Append(':');
                    Write(to, field);
                    to.Append(',');
                }

                to.Append('}');
                break;
            case IEnumerable items:
                to.Append('[');
                foreach (var item in items)
                {
                    Write(to, item);
                    to.Append(',');
                }

                to.Append(']');
                break;
            case IFormattable formattable and not Enum:
                to.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case Enum or bool:
                to.Append(value);
                break;
            default:
                // A typed input object (a record): its public properties that are set, in declaration order.
                to.Append(JsonSerializer.Serialize(value, value.GetType(), SetPropertiesOnly));
                break;
        }
    }
}
