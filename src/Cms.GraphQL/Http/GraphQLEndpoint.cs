using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cms.Core.Content;
using Cms.Core.Metadata;
using Cms.Core.Security;
using Cms.Core.Storage;
using Cms.GraphQL.Execution;
using Cms.GraphQL.Schema;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.GraphQL.Http;

/// <summary>
/// <c>/api/graphql</c>, GraphQL over HTTP. Status codes follow the GraphQL-over-HTTP spec: a request that cannot be
/// read gets 400/405/406/413/415; with <c>Accept: application/graphql-response+json</c> a document that does not
/// parse or validate gets 400, with <c>application/json</c> 200 (the errors are in the body). Anonymous responses
/// on published content come from memory while nothing changed, and every response carries an ETag.
/// </summary>
internal sealed class GraphQLEndpoint(
    ContentSchemaProvider schemas,
    GraphQLExecutor executor,
    GraphQLResponseCache cache,
    PublishedItemCache publishedItems,
    ExecutionGate gate,
    PersistedQueryStore persistedQueries,
    IOptions<CmsGraphQLOptions> options,
    IHostEnvironment environment,
    ILogger<GraphQLEndpoint> logger)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    // Answers are application/json with nosniff, never HTML, so the HTML-sensitive characters (< > & ') need no escaping:
    // the default encoder's \u003C for every tag of a body made responses 8-15 % larger. Quotes, backslashes and control
    // characters are still escaped (JSON requires it); the explorer shows answers as text, never as markup.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // An answer is serialized into its thread's buffer (serializing is synchronous, so no other request uses the buffer
    // meanwhile) and copied out once at its exact size; a buffer grown past MaxKeptBufferBytes by a large answer is let go.
    private const int MaxKeptBufferBytes = 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly ResponseSerializer _serializer = new(new ErrorInfoProvider(new ErrorInfoProviderOptions
    {
        ExposeExceptionDetails = environment.IsDevelopment() && options.Value.ExposeExceptions,
    }));

    public async Task HandleAsync(HttpContext http)
    {
        var settings = options.Value;
        var cancellationToken = http.RequestAborted;
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, JsonMediaType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "Use GET (queries) or POST.");
            return;
        }

        if (Negotiate(http.Request) is not { } mediaType)
        {
            await WriteErrorAsync(http, JsonMediaType, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", $"The response can be {GraphQLResponseMediaType} or {JsonMediaType}; the Accept header allows neither.");
            return;
        }

        var user = await GraphQLCaller.AuthenticateAsync(http);
        if (user is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status401Unauthorized, "INVALID_TOKEN", "The access token is missing, expired or invalid.");
            return;
        }

        GraphQLHttpRequest request;
        try
        {
            request = await GraphQLRequestReader.ReadAsync(http.Request, settings.MaxRequestBytes, cancellationToken);
        }
        catch (GraphQLRequestException ex)
        {
            await WriteErrorAsync(http, mediaType, ex.StatusCode, ex.Code, ex.Message);
            return;
        }

        var query = request.Query;
        if (request.PersistedQueryHash is { } hash)
        {
            if (query is null)
            {
                query = persistedQueries.Find(hash);
                if (query is null)
                {
                    // Apollo clients look for this exact message, then send the query with its hash.
                    await WriteErrorAsync(http, mediaType, mediaType == GraphQLResponseMediaType ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
                    return;
                }
            }
            else if (!string.Equals(PersistedQueryStore.Hash(query), hash, StringComparison.Ordinal))
            {
                await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, "PERSISTED_QUERY_HASH_MISMATCH", "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.");
                return;
            }
        }

        if (query is null)
        {
            await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, "QUERY_MISSING", "The request has no query.");
            return;
        }

        var services = http.RequestServices;
        var anonymous = GraphQLCaller.IsAnonymous(user);
        var access = services.GetRequiredService<IContentAccess>();
        if (!await access.HasPermissionAsync(Permissions.ExecuteGraphQL, cancellationToken))
        {
            if (anonymous)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await WriteErrorAsync(http, mediaType, anonymous ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, "ACCESS_DENIED",
                anonymous ? "Running GraphQL queries needs the ExecuteGraphQL permission: send a bearer token." : "Running GraphQL queries needs the ExecuteGraphQL permission.");
            return;
        }

        var media = services.GetService<Core.Media.IMediaDerivatives>();
        var schema = await schemas.GetAsync(services.GetRequiredService<IContentDefinitionManager>(), media, cancellationToken);
        var mediaBaseUrl = MediaBaseUrl(http.Request, settings);
        string? cacheKey = null;
        var generation = cache.Generation;
        if (anonymous && cache.Enabled)
        {
            // The key's text is only needed to look the answer up: a request that cannot be cached skips it.
            var variablesJson = request.Variables is { } v ? JsonSerializer.Serialize(v) : null;
            cacheKey = GraphQLResponseCache.Key(schema.Serial, QueryNormalizer.Normalize(query), request.OperationName, variablesJson, mediaBaseUrl, mediaType);
            if (cache.TryGet(cacheKey, out var cached))
            {
                await WriteAsync(http, StatusCodes.Status200OK, cached, cacheable: true);
                return;
            }
        }

        using var lease = await gate.EnterAsync(cancellationToken);
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = "1";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status503ServiceUnavailable, "SERVER_BUSY", "Too many queries are waiting to run; try again shortly.");
            return;
        }

        var validated = schema.FindDocument(query, request.OperationName);
        var document = validated?.Document;
        if (validated is null)
        {
            try
            {
                document = GraphQLParser.Parser.Parse(query);
            }
            catch (GraphQLSyntaxErrorException)
            {
                // Reported by the executor in the GraphQL error format.
                document = null;
            }
        }

        if (isGet && document is not null && Operation(document, request.OperationName) is { } operation && operation.Operation != OperationType.Query)
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent by GET; use POST.");
            return;
        }

        var selected = document is null ? null : Operation(document, request.OperationName);
        if (selected is { Operation: not OperationType.Query } unsupported)
        {
            // The schema has queries only; refused here so no validation rule meets an operation type it does not know.
            await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, "OPERATION_NOT_SUPPORTED",
                $"This API answers queries only; a {unsupported.Operation.ToString().ToLowerInvariant()} is not supported.");
            return;
        }

        var shape = selected is null ? null : DocumentShape.Of(document!, selected);
        if (validated is null && shape?.Check(settings) is { } tooBig)
        {
            await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, "DOCUMENT_TOO_LARGE", tooBig);
            return;
        }

        var context = new GraphQLRequestContext(access, services.GetRequiredService<IContentManager>(), services.GetRequiredService<IContentStore>(), publishedItems, settings, mediaBaseUrl, media);
        var variables = request.Variables is { } variableJson ? _serializer.ReadNode<Inputs>(variableJson) : null;
        var result = await executor.ExecuteAsync(schema.Schema, query, document, validated, shape?.IntrospectionOnly == true, anonymous, request.OperationName, variables, context, services, user, cancellationToken);
        if (validated is null && document is not null && result.Executed)
        {
            // Executed means every validation rule passed (field errors come later and do not make a document invalid).
            schema.AddDocument(query, request.OperationName, document);
        }

        if (request.PersistedQueryHash is { } newHash && request.Query is not null && result.Executed)
        {
            persistedQueries.Add(newHash, request.Query);
        }

        if (result.Errors is { Count: > 0 } failures && failures.Any(e => Core.Storage.DatabaseFailure.IsUnavailable(e.InnerException)))
        {
            lease.Dispose();
            http.Response.Headers.RetryAfter = "2";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status503ServiceUnavailable, "DATABASE_UNAVAILABLE", "The database is unavailable; try again shortly.");
            return;
        }

        var status = result.Executed || mediaType == JsonMediaType ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        var body = Serialize(result);
        var response = new CachedResponse(body, ETag(body), mediaType);

        // The answer is ready: the next query may run while this one is sent (a slow client must not hold a slot).
        lease.Dispose();
        var cacheable = anonymous && !context.UsedPreview && result.Executed && (result.Errors is null || result.Errors.Count == 0);
        if (cacheable && cacheKey is not null)
        {
            cache.Set(cacheKey, response, generation);
        }

        if (result.Errors is { Count: > 0 } errors)
        {
            logger.LogDebug("GraphQL request answered with {Count} errors: {First}", errors.Count, errors[0].Message);
        }

        await WriteAsync(http, status, response, cacheable);
    }

    /// <summary>The response media type the Accept header allows: graphql-response+json first, then json.</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return JsonMediaType;
        }

        foreach (var candidate in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (candidate.Quality == 0)
            {
                continue;
            }

            var value = candidate.MediaType.Value ?? "";
            if (value.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType;
            }

            if (value.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) || value is "*/*" or "application/*")
            {
                return JsonMediaType;
            }
        }

        return null;
    }

    private static GraphQLOperationDefinition? Operation(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return name is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }

    private static string MediaBaseUrl(HttpRequest request, CmsGraphQLOptions settings)
    {
        var origin = string.IsNullOrWhiteSpace(settings.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : settings.PublicBaseUrl.TrimEnd('/');
        return origin + "/" + settings.MediaPath.Trim('/');
    }

    private static string ETag(byte[] body) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>The answer as UTF-8 JSON, written into the thread's buffer and copied out once at its exact size.</summary>
    private byte[] Serialize(ExecutionResult result)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, result, _serializer.Options);
        }

        var body = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBufferBytes)
        {
            t_buffer = null;
        }

        return body;
    }

    private async Task WriteAsync(HttpContext http, int status, CachedResponse response, bool cacheable)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ETag = response.ETag;
        headers.Vary = "Accept, Authorization";
        var maxAge = options.Value.HttpCacheMaxAgeSeconds;
        headers.CacheControl = cacheable ? maxAge > 0 ? $"public, max-age={maxAge}" : "public, no-cache" : "private, no-store";
        if (HttpMethods.IsGet(http.Request.Method) && status == StatusCodes.Status200OK && Matches(http.Request, response.ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = response.ContentType + "; charset=utf-8";
        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    private static bool Matches(HttpRequest request, string etag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(','))
            {
                var tag = candidate.Trim();
                if (tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag) == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        var result = new ExecutionResult { Executed = false, Errors = [new ExecutionError(message) { Code = code }] };
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await _serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>GraphQL.NET's serializer (it adds its converters for results, errors and inputs to the options), with its options in reach.</summary>
    private sealed class ResponseSerializer(IErrorInfoProvider errors)
        : GraphQLSerializer(new JsonSerializerOptions { WriteIndented = false, Encoder = WriterOptions.Encoder }, errors)
    {
        public JsonSerializerOptions Options => SerializerOptions;
    }
}
