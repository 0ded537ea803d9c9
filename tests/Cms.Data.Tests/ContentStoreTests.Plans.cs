using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    [SkippableFact]
    public async Task A_field_filter_of_a_typed_query_seeks_the_value_index_by_type_part_field_and_value()
    {
        var query = new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-energy"),
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = 20,
        };

        var sql = await InScopeAsync(sp =>
        {
            var translator = new ContentQueryTranslator(sp.GetRequiredService<CmsDbContext>());
            return Task.FromResult(translator.Order(translator.Filter(query), query.OrderBy).Take(query.Take).ToQueryString());
        });

        // The value index is (ContentType, PartName, FieldName, Value): PostgreSQL seeks it only when the sub-query
        // constrains all four; without the type it scanned both tables for every section front.
        var exists = sql[sql.IndexOf("EXISTS", StringComparison.Ordinal)..];
        Assert.Contains("\"ContentPickerFieldIndex\"", exists, StringComparison.Ordinal);
        Assert.Matches("\"?c0\"?\\.\"ContentType\" = ", exists);
        Assert.Matches("\"?c0\"?\\.\"PartName\" = ", exists);
        Assert.Matches("\"?c0\"?\\.\"Value\" = ", exists);
    }
}
