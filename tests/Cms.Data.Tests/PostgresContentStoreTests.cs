using Cms.Core.Fields;
using Cms.Core.Queries;
using Cms.Data.Tests.Support;
using Cms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Tests;

/// <summary>
/// The store tests on a fresh PostgreSQL database. Skipped locally when <c>CMS_TEST_POSTGRES</c> is not set;
/// in CI they fail instead.
/// </summary>
public sealed class PostgresContentStoreTests : ContentStoreTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cms-data-tests", Guid.NewGuid().ToString("N"));
    private PostgresTestDatabase? _database;

    protected override async Task<CmsDataOptions> CreateDatabaseAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        return new CmsDataOptions { DataDirectory = _directory, Provider = DatabaseProvider.Postgres, ConnectionString = _database.ConnectionString };
    }

    [SkippableFact]
    public async Task A_field_filter_of_a_typed_query_seeks_the_value_index_by_type_part_field_and_value()
    {
        var exists = await SectionFrontExistsSqlAsync();

        // The value index is (ContentType, PartName, FieldName, Value): PostgreSQL seeks it only when the sub-query
        // constrains all four; without the type it scanned both tables for every section front.
        Assert.Contains("\"ContentPickerFieldIndex\"", exists, StringComparison.Ordinal);
        Assert.Matches("\"?c0\"?\\.\"ContentType\" = ", exists);
        Assert.Matches("\"?c0\"?\\.\"PartName\" = ", exists);
        Assert.Matches("\"?c0\"?\\.\"Value\" = ", exists);
    }

    [SkippableFact]
    public async Task A_section_front_reads_only_its_page_from_the_picker_index_newest_first()
    {
        for (var i = 0; i < 30; i++)
        {
            await CreateAsync(ArticleBuilder.Titled($"Energy story {i}").InSection("sec-energy"), publish: true);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var scan = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();

            // Tables this small would be read whole whatever their indexes; with that priced out, the plan shows which index
            // serves the page and how much of it is read. SET LOCAL ends with the transaction.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
            await using var command = ((Stores.EfContentStore)sp.GetRequiredService<Core.Storage.IContentStore>()).Page(SectionFront("sec-energy", take: 5)).CreateDbCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + command.CommandText;
            var plan = System.Text.Json.Nodes.JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!;
            return Nodes(plan[0]!["Plan"]!).Single(n => (string?)n["Relation Name"] == "ContentPickerFieldIndex");
        });

        // The range of the section's published rows is read newest first and stopped at the page: 5 of 30 rows. Before the
        // index rows carried the version's flag and date, every row of the section was read, joined and sorted.
        Assert.Equal("IX_ContentPickerFieldIndex_Picked", (string?)scan["Index Name"]);
        Assert.Equal("Backward", (string?)scan["Scan Direction"]);
        Assert.Equal(5, (int)scan["Actual Rows"]!);
    }

    [SkippableFact]
    public async Task Refreshing_the_statistics_vacuums_every_table_so_rows_written_in_bulk_become_visible_to_all()
    {
        for (var i = 0; i < 40; i++)
        {
            await CreateAsync(ArticleBuilder.Titled($"Harbour story {i}").InSection("sec-energy"), publish: true);
        }

        await Services.GetRequiredService<Core.Storage.IStoreStatistics>().RefreshAsync();

        // last_vacuum is set by a VACUUM command only (autovacuum sets last_autovacuum; ANALYZE neither). Whether the pages
        // then count as all-visible depends on no other snapshot being open at that moment (an autovacuum worker analyzing
        // the same database can hold one), so the test checks that the vacuum ran, on every table.
        var (tables, notVacuumed) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT count(*)::int, count(*) FILTER (WHERE last_vacuum IS NULL)::int FROM pg_stat_user_tables
                """;
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetInt32(0), reader.GetInt32(1));
        });

        Assert.True(tables > 10);
        Assert.Equal(0, notVacuumed);
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonNode> Nodes(System.Text.Json.Nodes.JsonNode node) =>
        (node["Plans"]?.AsArray() ?? []).SelectMany(child => Nodes(child!)).Prepend(node);

    [SkippableFact]
    public async Task The_read_path_statements_are_prepared_so_PostgreSQL_plans_them_once_per_connection()
    {
        await CreateAsync(ArticleBuilder.Titled("Grid upgrade").InSection("sec-energy"), publish: true);
        var query = new ContentQuery
        {
            ContentType = "Article",
            Where = new FieldFilter(FieldIndexKind.ContentPicker, "Article", "Section", FilterOperator.Equal, "sec-energy"),
            OrderBy = [ContentSort.By(ContentColumn.PublishedUtc, descending: true)],
            Take = 20,
        };

        var prepared = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            await db.Database.OpenConnectionAsync(); // one connection for the whole scope: prepared statements are per connection
            var store = sp.GetRequiredService<Core.Storage.IContentStore>();
            for (var i = 0; i < 3; i++)
            {
                Assert.Single((await store.QueryAsync(query)).Items);
            }

            return await db.Database
                .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%ContentPickerFieldIndex%'")
                .SingleAsync();
        });

        Assert.True(prepared >= 1, "the section query was not prepared");
    }

    [SkippableFact]
    public async Task Pooled_connections_are_handed_on_without_a_reset_and_a_search_leaves_no_setting_on_them()
    {
        await CreateAsync(ArticleBuilder.Titled("Tidal power for the harbour").InSection("sec-energy"), publish: true);

        // A session setting made on a pooled connection is still there for the next user of the same connection: nothing
        // is run between them (Npgsql's default reset costs six statements per connection opened).
        var (first, _) = await SessionAsync("SELECT set_config('cms.probe', 'kept', false) AS \"Value\"");

        // The bounded search sets statement_timeout for its transaction only, so it cannot leak to a later request.
        Assert.Single((await QueryAsync(new ContentQuery { FullText = new FullTextQuery(["tidal"]) })).Items);

        var (again, probe) = await SessionAsync("SELECT current_setting('cms.probe', true) AS \"Value\"");
        var (last, timeout) = await SessionAsync("SELECT current_setting('statement_timeout') AS \"Value\"");
        Assert.Equal(first, again);
        Assert.Equal(first, last);
        Assert.Equal("kept", probe);
        Assert.Equal("0", timeout);
    }

    /// <summary>Runs <paramref name="sql"/> (one text value) in a scope of its own: the backend that ran it and the value.</summary>
    private Task<(int Backend, string? Value)> SessionAsync(string sql) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            var value = await db.Database.SqlQueryRaw<string?>(sql).SingleAsync();
            return (backend, value);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
