using System.Text.Json.Nodes;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Html;
using Cms.Core.Metadata;

namespace Cms.Core.Tests.Builders;

/// <summary>Runs one field kind over a value with a field definition built step by step.</summary>
public sealed class FieldCheck
{
    private static readonly IHtmlSanitizerService Sanitizer = new HtmlSanitizerService();

    private readonly IContentFieldKind _kind;
    private readonly JsonObject _kindSettings = [];
    private string _displayName = "The field";

    private FieldCheck(IContentFieldKind kind)
    {
        _kind = kind;
    }

    public const string Path = "$.Article.Field";

    public static FieldCheck Of(IContentFieldKind kind) => new(kind);

    public FieldCheck Required()
    {
        _kindSettings["Required"] = true;
        return this;
    }

    public FieldCheck Multiple(bool multiple)
    {
        _kindSettings["Multiple"] = multiple;
        return this;
    }

    public FieldCheck Named(string displayName)
    {
        _displayName = displayName;
        return this;
    }

    public ContentPartFieldDefinition Definition => new()
    {
        Name = "Field",
        FieldName = _kind.Name,
        Settings = new JsonObject
        {
            ["ContentPartFieldSettings"] = new JsonObject { ["DisplayName"] = _displayName },
            [_kind.Name + "Settings"] = _kindSettings.DeepClone(),
        },
    };

    /// <summary>Checks and cleans <paramref name="value"/> in place; returns the problems found.</summary>
    public List<ContentValidationError> Normalize(JsonObject value)
    {
        var errors = new List<ContentValidationError>();
        _kind.Normalize(value, new FieldContext(Path, Definition, Sanitizer, errors));
        return errors;
    }

    /// <summary>Parses <paramref name="json"/>, checks it and returns the cleaned value with the problems found.</summary>
    public (JsonObject Value, List<ContentValidationError> Errors) Normalize(string json)
    {
        var value = JsonNode.Parse(json)!.AsObject();
        return (value, Normalize(value));
    }

    public List<FieldIndexEntry> Index(JsonObject value) => _kind.Index(value, "Article", "Field").ToList();
}
