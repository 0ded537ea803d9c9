using System.Globalization;
using System.Text.Json.Nodes;

namespace Cms.Core.Fields;

/// <summary><c>{ "Value": "2026-03-01T09:00:00Z" }</c>, stored in UTC, indexed as a date and time.</summary>
public sealed class DateTimeFieldKind : IContentFieldKind
{
    public string Name => "DateTimeField";

    public FieldIndexKind IndexKind => FieldIndexKind.DateTime;

    public FieldQuery Query => FieldQuery.Range;

    public void Normalize(JsonObject value, FieldContext context)
    {
        if (!JsonValues.TryDate(value["Value"], out var date))
        {
            context.Error("Value", "must be an ISO 8601 date and time, e.g. 2026-03-01T09:00:00Z.");
            return;
        }

        if (date is not null)
        {
            value["Value"] = date.Value.ToString("O", CultureInfo.InvariantCulture);
        }
        else if (context.Definition.Required)
        {
            context.Error("Value", $"'{context.Definition.DisplayName}' is required.");
        }
    }

    public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName)
    {
        JsonValues.TryDate(value["Value"], out var date);
        yield return new FieldIndexEntry(FieldIndexKind.DateTime, partName, fieldName) { Date = date };
    }
}
