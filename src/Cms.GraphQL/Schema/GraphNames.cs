namespace Cms.GraphQL.Schema;

/// <summary>Orchard Core's naming: fields are camelCase (<c>BlogPost</c> → <c>blogPost</c>), types keep their technical names.</summary>
internal static class GraphNames
{
    public static string Camel(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The object type of a part that is not collapsed: its part name, with "Part" added when missing.</summary>
    public static string PartType(string partName) =>
        partName.EndsWith("Part", StringComparison.Ordinal) ? partName : partName + "Part";

    /// <summary>True for names GraphQL accepts (<c>/[_A-Za-z][_0-9A-Za-z]*/</c>) that do not start with the reserved "__".</summary>
    public static bool IsValid(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !name.StartsWith("__", StringComparison.Ordinal);
}
