namespace Cms.GraphQL;

/// <summary>Settings of the GraphQL API, from the configuration section <c>Cms:GraphQL</c>.</summary>
public sealed class CmsGraphQLOptions
{
    public const string Section = "Cms:GraphQL";

    /// <summary>The endpoint's path.</summary>
    public string Path { get; set; } = "/api/graphql";

    /// <summary>The GraphiQL explorer's path (signed-in users with ExecuteGraphQL).</summary>
    public string ExplorerPath { get; set; } = "/admin/graphql";

    /// <summary>Deepest nesting of fields a query may have.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Largest complexity (fields weighed by the page sizes above them) a query may have.</summary>
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>Items returned by a list field when <c>first</c> is not given.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Largest <c>first</c> a list field accepts.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Largest <c>skip</c> a list field accepts (deep offsets are slow; filter instead).</summary>
    public int MaxSkip { get; set; } = 10_000;

    /// <summary>Largest request body (POST) or query string (GET), in bytes; larger requests get 413.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Fields with an alias a document may have (each alias is work of its own).</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Root fields an operation may select (fragments expanded).</summary>
    public int MaxRootFields { get; set; } = 20;

    public bool EnableIntrospection { get; set; } = true;

    /// <summary>
    /// Whether anonymous callers may read the schema. Introspection has its own budget (no complexity limit, a depth
    /// of at least <see cref="IntrospectionMaxDepth"/>), so GraphiQL and code generators can read it; turn this off in
    /// production to show the schema to token holders only.
    /// </summary>
    public bool AllowAnonymousIntrospection { get; set; } = true;

    /// <summary>Depth allowed for documents that read only the schema (the standard introspection query needs 13).</summary>
    public int IntrospectionMaxDepth { get; set; } = 20;

    /// <summary>Exception messages and stack traces in errors. Honoured in Development only; never elsewhere.</summary>
    public bool ExposeExceptions { get; set; } = true;

    /// <summary>Caches anonymous responses on published content in memory until content or definitions change.</summary>
    public bool EnableResponseCache { get; set; } = true;

    /// <summary>Upper bound on how long a cached response lives even without changes (permissions may change too).</summary>
    public TimeSpan ResponseCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Memory the response cache may use, in bytes.</summary>
    public long ResponseCacheSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many automatic persisted queries are remembered.</summary>
    public int MaxPersistedQueries { get; set; } = 10_000;

    /// <summary><c>Cache-Control: max-age</c> for anonymous GET responses (a CDN may keep them this long); 0 means revalidate with the ETag.</summary>
    public int HttpCacheMaxAgeSeconds { get; set; }

    /// <summary>Where media files are served, for absolute URLs in MediaField.</summary>
    public string MediaPath { get; set; } = "/media";

    /// <summary>Scheme and host for media URLs (e.g. a CDN, <c>https://cdn.example.com</c>); empty means the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Queries executed at the same time (answers from the response cache do not count); 0 lets the host choose
    /// (one per core on SQLite, four per core on PostgreSQL, where queries also wait on the server).
    /// </summary>
    public int MaxConcurrentExecutions { get; set; }

    /// <summary>Queries that may wait for their turn; beyond that a request gets 503 with Retry-After.</summary>
    public int MaxQueuedExecutions { get; set; } = 1000;

    /// <summary>Words per minute for <c>readingMinutes</c>.</summary>
    public int WordsPerMinute { get; set; } = 200;
}
