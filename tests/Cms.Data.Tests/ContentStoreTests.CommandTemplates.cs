using System.Data.Common;
using System.Text.Json;
using Cms.Core.Content;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Stores;
using Cms.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>Repeated reads bind their values into the SQL EF Core wrote for their shape (<see cref="CommandTemplates"/>).</summary>
public abstract partial class ContentStoreTests
{
    protected static ContentQuery SectionFront(string section, int take = 20) => new()
    {
        ContentType = "Article",
        Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, section),
        OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
        Take = take,
    };

    private static ContentQuery ByPath(string path) => new()
    {
        ContentType = "Article",
        Where = new ColumnFilter(ContentColumn.Path, FilterOperator.Equal, path),
        Take = 1,
    };

    /// <summary>
    /// Queries of many shapes, with the values a front end sends. Each one's command from its template (when the shape has
    /// one) must be the command EF Core writes for the same values.
    /// </summary>
    private static IEnumerable<(string Name, ContentQuery Query, bool? Cached)> Shapes()
    {
        yield return ("section front", SectionFront("sec-energy"), true);
        yield return ("second page of a section", SectionFront("sec-energy") with { Skip = 40 }, true);
        yield return ("article by path", ByPath("articles/grid-upgrade"), true);
        yield return ("by title", new ContentQuery { ContentType = "Article", Where = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Equal, "Grid upgrade") }, true);
        yield return ("text field", new ContentQuery { ContentType = "Article", Where = new FieldFilter(FieldIndexKind.Text, "Article", "Lead", FilterOperator.Equal, "Short") }, true);
        yield return ("number field", new ContentQuery { Where = new FieldFilter(FieldIndexKind.Numeric, "Article", "Rank", FilterOperator.GreaterThan, 2.5) }, true);
        yield return ("any of several ids", new ContentQuery { Where = new ColumnFilter(ContentColumn.ContentItemId, FilterOperator.In, new[] { "a", "b", "c" }) }, null); // one array parameter on PostgreSQL, one per id on SQLite
        yield return ("and, or, not", new ContentQuery
        {
            ContentType = "Article",
            Status = ContentStatus.Latest,
            Where = new AndFilter([
                new OrFilter([new ColumnFilter(ContentColumn.Owner, FilterOperator.Equal, "ann"), new ColumnFilter(ContentColumn.Author, FilterOperator.Equal, "bob")]),
                new NotFilter(new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-sport")),
                new FieldFilter(FieldIndexKind.Boolean, "Article", "Featured", FilterOperator.Equal, true),
            ]),
            OrderBy = [ContentSort.ByField(FieldIndexKind.Numeric, "Article", "Rank", descending: true)],
            Skip = 5,
            Take = 7,
        }, true);

        // Values the translator changes (lowered for a pattern, parsed into a date, a whole number made a decimal one): the
        // template would otherwise bind them unchanged, so these shapes go through EF Core every time.
        yield return ("contains", new ContentQuery { Where = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "GRID") }, false);
        yield return ("starts with", new ContentQuery { Where = new FieldFilter(FieldIndexKind.Text, "Article", "Lead", FilterOperator.StartsWith, "Sho") }, false);
        yield return ("date as text", new ContentQuery { Where = new FieldFilter(FieldIndexKind.DateTime, "Article", "EventDate", FilterOperator.GreaterThan, "2026-05-01") }, false);
        yield return ("whole number for a decimal field", new ContentQuery { Where = new FieldFilter(FieldIndexKind.Numeric, "Article", "Rank", FilterOperator.Equal, 3) }, false);
        yield return ("full text", new ContentQuery { FullText = new FullTextQuery(["grid"]) }, false);
    }

    [SkippableFact]
    public async Task A_template_writes_the_command_EF_Core_writes_for_the_same_values()
    {
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var store = (EfContentStore)sp.GetRequiredService<Core.Storage.IContentStore>();
            foreach (var (name, query, cached) in Shapes())
            {
                var shape = QueryShape.Of(query);
                var template = shape is null ? null : CommandTemplate.Create(shape.Values, values => store.Page(QueryShape.With(query, values)).Select(EfContentStore.Head));
                Assert.True(cached is null || cached == template is not null, $"{name}: expected {(cached is true ? "a template" : "none")}");
                if (template is not null)
                {
                    using var expected = store.Page(query).Select(EfContentStore.Head).CreateDbCommand();
                    using var actual = template.Bind(db, shape!.Values);
                    AssertSameCommand(name, expected, actual);
                }
            }

            // The batch of pickers: its ids are one parameter (a JSON array on SQLite, an array on PostgreSQL).
            List<string> ids = ["sec-energy", "author-ann", "a \"quoted\" id"];
            var many = CommandTemplate.Create([ids], values => store.Many((List<string>)values[0]!, published: true).Select(EfContentStore.Head));
            Assert.NotNull(many);
            using var efMany = store.Many(ids, published: true).Select(EfContentStore.Head).CreateDbCommand();
            using var boundMany = many.Bind(db, [ids]);
            AssertSameCommand("pickers", efMany, boundMany);
        });
    }

    [SkippableFact]
    public async Task A_repeated_shape_reads_with_its_template_and_finds_what_EF_Core_finds()
    {
        await CreateAsync(ArticleBuilder.Titled("Grid upgrade").InSection("sec-energy"), publish: true);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(ArticleBuilder.Titled("Wind farm").InSection("sec-energy"), publish: true);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(ArticleBuilder.Titled("Cup final").InSection("sec-sport"), publish: true);
        var templates = Services.GetRequiredService<CommandTemplates>();

        Assert.Equal(["Wind farm", "Grid upgrade"], await TitlesAsync(SectionFront("sec-energy")));
        var made = templates.Made;
        Assert.Equal(["Cup final"], await TitlesAsync(SectionFront("sec-sport")));
        Assert.Equal(["Wind farm"], await TitlesAsync(SectionFront("sec-energy", take: 1)));
        Assert.Empty(await TitlesAsync(SectionFront("sec-none")));
        Assert.Equal(["Grid upgrade"], await TitlesAsync(ByPath("articles/grid-upgrade")));
        Assert.Equal(["Cup final"], await TitlesAsync(ByPath("articles/cup-final")));

        // The section front's shape was made once, with the first query; the path's once more.
        Assert.Equal(made + 1, templates.Made);
        Assert.True(templates.Caches(SectionFront("x")));
        Assert.True(templates.Caches(ByPath("x")));

        // A shape that cannot be cached still answers (through EF Core), and is not tried again.
        var contains = new ContentQuery { ContentType = "Article", Where = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "FARM") };
        Assert.Equal(["Wind farm"], await TitlesAsync(contains));
        Assert.Equal(["Grid upgrade"], await TitlesAsync(contains with { Where = new ColumnFilter(ContentColumn.DisplayText, FilterOperator.Contains, "GRID") }));
        Assert.False(templates.Caches(contains));
        Assert.Equal(made + 2, templates.Made);

        // A value the shape's field cannot take is refused as before, whatever was cached.
        var rank = new ContentQuery { Where = new FieldFilter(FieldIndexKind.Numeric, "Article", "Rank", FilterOperator.Equal, "many") };
        await Assert.ThrowsAsync<ContentValidationException>(() => QueryAsync(rank));
    }

    private static void AssertSameCommand(string name, DbCommand expected, DbCommand actual)
    {
        Assert.True(expected.CommandText == actual.CommandText, $"{name}: the SQL differs");
        Assert.True(expected.Parameters.Count == actual.Parameters.Count, $"{name}: {expected.Parameters.Count} parameters expected, {actual.Parameters.Count} bound");
        for (var i = 0; i < expected.Parameters.Count; i++)
        {
            var (e, a) = (expected.Parameters[i], actual.Parameters[i]);
            Assert.True(e.ParameterName == a.ParameterName, $"{name}: parameter {i} is {a.ParameterName}, not {e.ParameterName}");
            Assert.True(e.DbType == a.DbType, $"{name}: {e.ParameterName} is {a.DbType}, not {e.DbType}");
            Assert.True(e.GetType() == a.GetType() && e.Size == a.Size && e.IsNullable == a.IsNullable, $"{name}: {e.ParameterName} is not set up alike");
            if (e is Microsoft.Data.Sqlite.SqliteParameter sqlite)
            {
                Assert.Equal(sqlite.SqliteType, ((Microsoft.Data.Sqlite.SqliteParameter)a).SqliteType);
            }

            Assert.True(Same(e.Value, a.Value), $"{name}: {e.ParameterName} is {Show(a.Value)}, not {Show(e.Value)}");
        }
    }

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (string e, string a) when e.StartsWith('[') => JsonSerializer.Deserialize<List<string>>(e)!.SequenceEqual(JsonSerializer.Deserialize<List<string>>(a)!),
        (System.Collections.IEnumerable e, System.Collections.IEnumerable a) when expected is not string => e.Cast<object?>().SequenceEqual(a.Cast<object?>()) && e.GetType() == a.GetType(),
        _ => Equals(expected, actual) && expected?.GetType() == actual?.GetType(),
    };

    private static string Show(object? value) => value is System.Collections.IEnumerable items and not string ? JsonSerializer.Serialize(items) : $"{value} ({value?.GetType().Name})";
}
