using System.Text;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Splits one CSV line (RFC 4180 fields on a single line): commas separate, double quotes enclose a
/// field that holds commas, and a doubled quote inside quotes is a quote. Enough for the reference
/// files, which have no line breaks inside fields.
/// </summary>
internal static class CsvSplitter
{
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
