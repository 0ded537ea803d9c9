using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Core.Content;

namespace Cms.Recipes;

/// <summary>
/// Evaluates Orchard Core's script strings: <c>[js: uuid()]</c>, <c>[js: parameters('AdminUserId')]</c>,
/// <c>[js: variables('name')]</c>. Nothing else is executed: an unknown function is an error.
/// </summary>
internal sealed partial class RecipeScripts(RecipeParameters parameters, JsonObject? variables)
{
    private readonly Dictionary<string, JsonNode?> _evaluatedVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^\[js:\s*(?<expr>.*?)\s*\]$", RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"^(?<fn>[A-Za-z]+)\(\s*(?:'(?<arg>[^']*)'\s*)?\)$")]
    private static partial Regex CallPattern();

    /// <summary>Replaces every script string inside <paramref name="node"/>; returns the new node.</summary>
    public JsonNode? Evaluate(JsonNode? node, string path, int? stepIndex)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var replaced = Evaluate(obj[key], $"{path}.{key}", stepIndex);
                    if (!ReferenceEquals(replaced, obj[key]))
                    {
                        obj[key] = replaced;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var replaced = Evaluate(array[i], $"{path}[{i}]", stepIndex);
                    if (!ReferenceEquals(replaced, array[i]))
                    {
                        array[i] = replaced;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && ScriptPattern().Match(text) is { Success: true } match:
                return Call(match.Groups["expr"].Value, path, stepIndex);
            default:
                return node;
        }
    }

    private JsonNode? Call(string expression, string path, int? stepIndex)
    {
        var call = CallPattern().Match(expression);
        if (!call.Success)
        {
            throw new RecipeException(stepIndex, path, $"cannot evaluate '{expression}': only uuid(), parameters('name') and variables('name') are supported.");
        }

        var argument = call.Groups["arg"].Success ? call.Groups["arg"].Value : null;
        switch (call.Groups["fn"].Value)
        {
            case "uuid" when argument is null:
                return JsonValue.Create(IdGenerator.NewId());
            case "parameters" when argument is not null:
                return parameters.TryGetValue(argument, out var parameter)
                    ? JsonValue.Create(parameter)
                    : throw new RecipeException(stepIndex, path, $"unknown parameter '{argument}'; known: {string.Join(", ", parameters.Keys)}.");
            case "variables" when argument is not null:
                return Variable(argument, path, stepIndex)?.DeepClone();
            default:
                throw new RecipeException(stepIndex, path, $"cannot evaluate '{expression}': only uuid(), parameters('name') and variables('name') are supported.");
        }
    }

    private JsonNode? Variable(string name, string path, int? stepIndex)
    {
        if (_evaluatedVariables.TryGetValue(name, out var known))
        {
            return known;
        }

        if (variables is null || !variables.ContainsKey(name))
        {
            throw new RecipeException(stepIndex, path, $"unknown variable '{name}'.");
        }

        if (!_evaluating.Add(name))
        {
            throw new RecipeException(stepIndex, path, $"the variable '{name}' refers to itself.");
        }

        var value = Evaluate(variables[name]?.DeepClone(), $"$.variables.{name}", null);
        _evaluating.Remove(name);
        _evaluatedVariables[name] = value;
        return value;
    }
}
