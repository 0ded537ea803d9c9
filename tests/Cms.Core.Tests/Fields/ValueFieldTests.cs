using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Fields;

/// <summary>NumericField, BooleanField and DateTimeField: <c>{ "Value": ... }</c>.</summary>
public sealed class ValueFieldTests
{
    [Fact]
    public void Number_is_indexed()
    {
        var check = FieldCheck.Of(new NumericFieldKind());
        var (value, errors) = check.Normalize("""{ "Value": 3.5 }""");

        Assert.Empty(errors);
        var entry = Assert.Single(check.Index(value));
        Assert.Equal(FieldIndexKind.Numeric, entry.Kind);
        Assert.Equal(3.5, entry.Number);
    }

    [Theory]
    [InlineData("""{ "Value": "3" }""")]
    [InlineData("""{ "Value": true }""")]
    [InlineData("""{ "Value": [1] }""")]
    public void Number_of_the_wrong_shape_is_refused(string json)
    {
        var (_, errors) = FieldCheck.Of(new NumericFieldKind()).Normalize(json);

        var error = Assert.Single(errors);
        Assert.Equal("$.Article.Field.Value", error.Path);
        Assert.Equal("must be a number.", error.Message);
    }

    [Fact]
    public void Required_number_must_have_a_value()
    {
        var (_, errors) = FieldCheck.Of(new NumericFieldKind()).Named("Menu order").Required().Normalize("""{ "Value": null }""");

        Assert.Equal("'Menu order' is required.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Boolean_is_indexed(string literal, bool expected)
    {
        var check = FieldCheck.Of(new BooleanFieldKind());
        var (value, errors) = check.Normalize($$"""{ "Value": {{literal}} }""");

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(check.Index(value)).Boolean);
    }

    [Theory]
    [InlineData("""{ "Value": "yes" }""")]
    [InlineData("""{ "Value": 1 }""")]
    public void Boolean_of_the_wrong_shape_is_refused(string json)
    {
        var (_, errors) = FieldCheck.Of(new BooleanFieldKind()).Normalize(json);

        Assert.Equal("must be true or false.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("2026-03-01T12:00:00+04:00", "2026-03-01T08:00:00.0000000Z")]
    [InlineData("2026-03-01T08:00:00Z", "2026-03-01T08:00:00.0000000Z")]
    [InlineData("2026-03-01", "2026-03-01T00:00:00.0000000Z")]
    public void Date_is_stored_in_utc_and_indexed(string input, string stored)
    {
        var check = FieldCheck.Of(new DateTimeFieldKind());
        var (value, errors) = check.Normalize($$"""{ "Value": "{{input}}" }""");

        Assert.Empty(errors);
        Assert.Equal(stored, value["Value"]!.GetValue<string>());
        var entry = Assert.Single(check.Index(value));
        Assert.Equal(new DateTime(2026, 3, 1, input.Length == 10 ? 0 : 8, 0, 0, DateTimeKind.Utc), entry.Date);
        Assert.Equal(DateTimeKind.Utc, entry.Date!.Value.Kind);
    }

    [Fact]
    public void Date_given_as_a_DateTime_value_is_accepted()
    {
        var check = FieldCheck.Of(new DateTimeFieldKind());
        var value = new JsonObject { ["Value"] = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc) };

        var errors = check.Normalize(value);

        Assert.Empty(errors);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), Assert.Single(check.Index(value)).Date);
    }

    [Theory]
    [InlineData("""{ "Value": "next tuesday" }""")]
    [InlineData("""{ "Value": 20260301 }""")]
    public void Date_that_cannot_be_read_is_refused(string json)
    {
        var (_, errors) = FieldCheck.Of(new DateTimeFieldKind()).Normalize(json);

        var error = Assert.Single(errors);
        Assert.Equal("$.Article.Field.Value", error.Path);
        Assert.Contains("ISO 8601", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_date_must_have_a_value()
    {
        var (_, errors) = FieldCheck.Of(new DateTimeFieldKind()).Required().Normalize("{}");

        Assert.Single(errors);
    }
}
