using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

public abstract partial class ContentStoreTests
{
    /// <summary>The SQL of "the 20 newest articles of a section", from its EXISTS sub-query on.</summary>
    protected Task<string> SectionFrontExistsSqlAsync()
    {
        var query = new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-energy"),
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = 20,
        };

        return InScopeAsync(sp =>
        {
            var translator = new ContentQueryTranslator(sp.GetRequiredService<CmsDbContext>());
            var sql = translator.Order(translator.Filter(query), query.OrderBy).Take(query.Take).ToQueryString();
            return Task.FromResult(sql[sql.IndexOf("EXISTS", StringComparison.Ordinal)..]);
        });
    }
}
