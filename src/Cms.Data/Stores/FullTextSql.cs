using System.Data.Common;
using Cms.Core.Content;
using Cms.Core.Queries;
using Cms.Core.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cms.Data.Stores;

/// <summary>
/// The full-text SQL of each provider, over the index made by the SearchIndexSql migrations. The caller's words are
/// never query syntax: on SQLite each becomes a quoted FTS5 string (<c>"word"</c>; <see cref="SearchText"/> leaves no
/// quote in a word), so <c>NEAR</c>, <c>OR</c>, <c>*</c>, <c>-</c>, <c>:</c> or parentheses mean nothing; on PostgreSQL the
/// words go through <c>plainto_tsquery</c>, which reads plain text only. All words must match. Every value is a parameter.
/// </summary>
internal sealed class FullTextSql(CmsDbContext db)
{
    /// <summary>The longest a search may run; PostgreSQL cancels the statement, SQLite's query is interrupted.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // Title first, then lead, tags and authors, then body (columns in the order of the FTS5 table).
    private const string SqliteRank = "bm25(\"ContentSearchFts\", 10.0, 4.0, 1.0, 3.0, 3.0)";

    private const string PostgresConfig = "'english'::regconfig";

    public bool IsPostgres => db.Database.IsNpgsql();

    /// <summary>Every matching row with its relevance (higher is better).</summary>
    public IQueryable<FullTextRow> Matches(FullTextQuery query)
    {
        if (IsPostgres)
        {
            return db.Database.SqlQueryRaw<FullTextRow>(
                $$"""
                SELECT s."Id", s."DocumentId", ts_rank(s."Vector", plainto_tsquery({{PostgresConfig}}, {0}))::double precision AS "Score"
                FROM "ContentSearch" AS s
                WHERE s."Vector" @@ plainto_tsquery({{PostgresConfig}}, {0})
                """,
                PostgresText(query));
        }

        return db.Database.SqlQueryRaw<FullTextRow>(
            $$"""
            SELECT s."Id", s."DocumentId", -{{SqliteRank}} AS "Score"
            FROM "ContentSearchFts" JOIN "ContentSearch" AS s ON s."Id" = "ContentSearchFts".rowid
            WHERE "ContentSearchFts" MATCH {0}
            """,
            SqliteMatch(query));
    }

    /// <summary>Snippets of the given rows only (a page), matched words between <see cref="SearchSnippet.StartMark"/> and <see cref="SearchSnippet.EndMark"/>.</summary>
    public async Task<Dictionary<long, string>> SnippetsAsync(FullTextQuery query, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        List<FullTextSnippetRow> rows;
        if (IsPostgres)
        {
            // The best passages of the lead and body. ts_headline reads '<' as the start of a tag and drops it, so the
            // characters of markup-like text are swapped for control characters (never in the index) and back below.
            rows = await db.Database.SqlQueryRaw<FullTextSnippetRow>(
                $$"""
                SELECT s."Id", ts_headline({{PostgresConfig}}, translate(concat_ws(' … ', s."Lead", s."Body"), '<>&', chr(4) || chr(5) || chr(6)), plainto_tsquery({{PostgresConfig}}, {0}),
                    'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS "Snippet"
                FROM "ContentSearch" AS s
                WHERE s."Id" = ANY({1})
                """,
                PostgresText(query), ids.ToArray()).ToListAsync(cancellationToken);
        }
        else
        {
            var placeholders = string.Join(", ", ids.Select((_, i) => "{" + (i + 1) + "}"));
            var parameters = new object[ids.Count + 1];
            parameters[0] = SqliteMatch(query);
            var n = 1;
            foreach (var id in ids)
            {
                parameters[n++] = id;
            }

            // Only numbered placeholders are added to the text; the ids themselves are parameters.
            var text = """
                SELECT "ContentSearchFts".rowid AS "Id", snippet("ContentSearchFts", -1, char(2), char(3), '…', 24) AS "Snippet"
                FROM "ContentSearchFts"
                WHERE "ContentSearchFts" MATCH {0} AND "ContentSearchFts".rowid IN (
                """ + placeholders + ")";
            rows = await db.Database.SqlQueryRaw<FullTextSnippetRow>(text, parameters).ToListAsync(cancellationToken);
        }

        return rows.ToDictionary(r => r.Id, r => IsPostgres ? Unprotect(r.Snippet) : r.Snippet ?? "");
    }

    /// <summary>
    /// Runs <paramref name="search"/> under <see cref="Timeout"/>: on PostgreSQL with <c>statement_timeout</c> set for the
    /// transaction only (one is begun when none is open), on SQLite by interrupting it. Too slow: a clear refusal.
    /// </summary>
    public async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> search, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (!IsPostgres)
            {
                timeout.CancelAfter(Timeout);
                return await search(timeout.Token);
            }

            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                var milliseconds = ((int)Timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var previous = await db.Database.SqlQueryRaw<string>("SELECT set_config('statement_timeout', {0}, true) AS \"Value\"", milliseconds).ToListAsync(cancellationToken);
                _ = previous;
                var result = await search(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
                else
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT set_config('statement_timeout', '0', true)", cancellationToken);
                }

                return result;
            }
        }
        catch (Exception ex) when (IsTimeout(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new ContentValidationException("$.text", $"the search took longer than {Timeout.TotalSeconds:0} seconds; use fewer or more specific words.");
        }
    }

    private static bool IsTimeout(Exception ex) => ex switch
    {
        OperationCanceledException => true,
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => true,
        DbException { InnerException: { } inner } => IsTimeout(inner),
        InvalidOperationException { InnerException: { } inner } => IsTimeout(inner),
        _ => false,
    };

    private static string Unprotect(string? snippet) =>
        (snippet ?? "").Replace('\u0004', '<').Replace('\u0005', '>').Replace('\u0006', '&');

    private static string SqliteMatch(FullTextQuery query) =>
        string.Join(' ', query.Terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private static string PostgresText(FullTextQuery query) => string.Join(' ', query.Terms);
}
