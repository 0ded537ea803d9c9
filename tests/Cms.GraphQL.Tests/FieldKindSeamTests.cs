using Cms.Core.Content;
using Cms.Data;
using Cms.GraphQL.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// The field-kind seam: a kind registered by DI (and its GraphQL shape) is checked, indexed, filterable, sortable and
/// in the schema, with nothing in the schema factory knowing its name; a kind without a GraphQL shape is left out.
/// </summary>
public sealed class FieldKindSeamTests(FieldKindHost host) : IClassFixture<FieldKindHost>
{
    [Fact]
    public async Task A_new_kind_is_indexed_through_its_own_index_rows()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().NumericFieldIndex.AsNoTracking()
            .Where(r => r.ContentType == "Review" && r.FieldName == "Stars")
            .Select(r => r.Value)
            .ToListAsync();

        Assert.Equal([2d, 4d, 5d], rows.Order().Select(v => v!.Value));
    }

    [Fact]
    public async Task A_new_kind_is_in_the_schema_with_the_operators_and_sorting_it_declares()
    {
        var result = await host.Client.PostAsync("""
            { review: __type(name: "Review") { fields { name type { name } } }
              where: __type(name: "ReviewWhereInput") { inputFields { name } }
              order: __type(name: "ReviewOrderByInput") { inputFields { name } } }
            """);
        Assert.False(result.HasErrors, result.Text);
        var fields = result.Data.GetProperty("review").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetProperty("name").GetString());
        var where = result.Data.GetProperty("where").GetProperty("inputFields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        var order = result.Data.GetProperty("order").GetProperty("inputFields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();

        Assert.Equal("Int", fields["stars"]);
        Assert.Equal(["stars", "stars_not", "stars_in", "stars_not_in", "stars_gt", "stars_gte", "stars_lt", "stars_lte"], where.Where(n => n.StartsWith("stars", StringComparison.Ordinal)));
        Assert.Contains("stars", order);

        // The kind without a GraphQL shape is left out, and the rest of the type is still there.
        Assert.DoesNotContain("mood", fields.Keys);
        Assert.DoesNotContain(where, n => n.StartsWith("mood", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_kind_filters_and_sorts_in_sql()
    {
        var result = await host.Client.PostAsync("{ review(where: { stars_gte: 4 }, orderBy: { stars: ASC }) { displayText stars } }");

        Assert.False(result.HasErrors, result.Text);
        var items = result.Data.GetProperty("review").EnumerateArray().Select(r => (r.GetProperty("displayText").GetString(), r.GetProperty("stars").GetInt32())).ToList();
        Assert.Equal([("Four stars", 4), ("Five stars", 5)], items);
    }

    [Fact]
    public async Task A_new_kind_checks_its_values_on_save()
    {
        var error = await Assert.ThrowsAsync<ContentValidationException>(() => host.AsSystemAsync(services =>
            services.GetRequiredService<IContentManager>().CreateAsync(new ContentItem
            {
                ContentType = "Review",
                Content = System.Text.Json.Nodes.JsonNode.Parse("""{ "TitlePart": { "Title": "Too many" }, "Review": { "Stars": { "Stars": 9 } } }""")!.AsObject(),
            }, publish: false)));

        Assert.Contains(error.Errors, e => e.Path == "$.Review.Stars.Stars" && e.Message.Contains("1 to 5", StringComparison.Ordinal));
    }
}
