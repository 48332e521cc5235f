using System.Collections;
using System.Reflection;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// The field groups a field's arguments tell the caller about the rows it returns. A page asked with
/// <c>filter: {class: C}</c> or <c>orderBy: QUALITY_INDEX_LOW_FIRST</c> tells each row's class or its index rank,
/// though only names were selected; the log recorded Identity alone, and an enterprise's tracker hid what a
/// department had learnt (the access probe). An argument, an input field or an enum value that carries a group
/// (<see cref="FieldMetadataKeys.Group"/>: the ones a contract shows only with that group) counts when given.
/// </summary>
internal static class ArgumentGroups
{
    /// <summary>Reads the groups a request's arguments for <paramref name="field"/> tell; null when none can.</summary>
    public static Func<IResolveFieldContext, IEnumerable<FieldGroup>>? Reader(FieldType field)
    {
        var readers = (field.Arguments ?? [])
            .Select(a => (a.Name, Own: GroupOf(a), Value: ValueReader(a.ResolvedType)))
            .Where(a => a.Own is not null || a.Value is not null)
            .ToList();
        if (readers.Count == 0)
        {
            return null;
        }

        return context => readers.SelectMany(a =>
            context.Arguments is { } given && given.TryGetValue(a.Name, out var argument)
            && argument.Source != ArgumentSource.FieldDefault && argument.Value is { } value
                ? (a.Own is { } own ? [own] : Enumerable.Empty<FieldGroup>())
                    .Concat(a.Value?.Invoke(value) ?? [])
                : []);
    }

    private static FieldGroup? GroupOf(IMetadataReader element) =>
        element.GetMetadata<object?>(FieldMetadataKeys.Group) is FieldGroup group
        && group is not FieldGroup.Structure and not FieldGroup.Identity ? group : null;

    // What a given value of this type tells: an input object by the fields given, an enum by its value.
    private static Func<object, IEnumerable<FieldGroup>>? ValueReader(IGraphType? type) => type switch
    {
        NonNullGraphType wrapped => ValueReader(wrapped.ResolvedType),
        ListGraphType list => ValueReader(list.ResolvedType) is { } item
            ? value => value is IEnumerable items and not string ? items.Cast<object?>().OfType<object>()
                .SelectMany(item) : item(value)
            : null,
        IInputObjectGraphType input => InputReader(input),
        EnumerationGraphType enumeration => EnumReader(enumeration),
        _ => null,
    };

    private static Func<object, IEnumerable<FieldGroup>>? InputReader(IInputObjectGraphType input)
    {
        var fields = input.Fields
            .Select(f => (f.Name, Own: GroupOf(f), Value: ValueReader(f.ResolvedType)))
            .Where(f => f.Own is not null || f.Value is not null)
            .ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        return value => fields.SelectMany(f => MemberOf(value, f.Name) is { } given
            ? (f.Own is { } own ? [own] : Enumerable.Empty<FieldGroup>()).Concat(f.Value?.Invoke(given) ?? [])
            : []);
    }

    private static Func<object, IEnumerable<FieldGroup>>? EnumReader(EnumerationGraphType enumeration)
    {
        var groups = enumeration.Values
            .Where(v => v.Value is not null && GroupOf(v) is not null)
            .ToDictionary(v => v.Value!, v => GroupOf(v)!.Value);
        return groups.Count == 0
            ? null
            : value => groups.TryGetValue(value, out var group) ? [group] : [];
    }

    // An input object arrives as its CLR record (GraphQL.NET matches fields to properties by name, ignoring case)
    // or, for a type without one, as a dictionary.
    private static object? MemberOf(object value, string name) => value is IDictionary<string, object?> members
        ? members.TryGetValue(name, out var member) ? member : null
        : Properties.GetOrAdd((value.GetType(), name), key => key.Type.GetProperty(key.Name,
            BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase))?.GetValue(value);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, string Name), PropertyInfo?>
        Properties = new();
}
