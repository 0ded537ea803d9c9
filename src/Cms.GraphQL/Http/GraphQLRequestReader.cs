using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cms.GraphQL.Http;

/// <summary>
/// Reads GraphQL over HTTP: GET with <c>query</c>, <c>operationName</c>, <c>variables</c> and <c>extensions</c>
/// parameters; POST with <c>application/json</c> (<c>{ query, operationName, variables, extensions }</c>) or
/// <c>application/graphql</c> (the query itself). Anything else is a request error with its own status.
/// </summary>
internal static class GraphQLRequestReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    public static async Task<GraphQLHttpRequest> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            if (request.QueryString.Value is { } queryString && queryString.Length > maxBytes)
            {
                throw new GraphQLRequestException(StatusCodes.Status414UriTooLong, "REQUEST_TOO_LARGE", $"The query string is longer than {maxBytes} bytes; send the query by POST or as a persisted query.");
            }

            return Build(
                request.Query["query"].LastOrDefault(),
                request.Query["operationName"].LastOrDefault(),
                ParseObject(request.Query["variables"].LastOrDefault(), "variables"),
                ParseObject(request.Query["extensions"].LastOrDefault(), "extensions"));
        }

        var mediaType = request.ContentType is { } contentType ? contentType.Split(';')[0].Trim() : "";
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !mediaType.Equals("application/graphql", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphQLRequestException(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"POST needs Content-Type application/json ({{\"query\": ...}}) or application/graphql (the query itself), not '{(mediaType.Length == 0 ? "none" : mediaType)}'.");
        }

        var body = await ReadBodyAsync(request, maxBytes, cancellationToken);
        if (mediaType.Equals("application/graphql", StringComparison.OrdinalIgnoreCase))
        {
            return Build(Encoding.UTF8.GetString(body), request.Query["operationName"].LastOrDefault(), null, null);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The request body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "The request body must be a JSON object: { \"query\": \"...\", \"variables\": { ... } }.");
            }

            return Build(
                StringProperty(root, "query"),
                StringProperty(root, "operationName"),
                ObjectProperty(root, "variables"),
                ObjectProperty(root, "extensions"));
        }
    }

    private static GraphQLHttpRequest Build(string? query, string? operationName, JsonElement? variables, JsonElement? extensions)
    {
        string? hash = null;
        if (extensions is { } ext && ext.TryGetProperty("persistedQuery", out var persisted))
        {
            if (persisted.ValueKind != JsonValueKind.Object
                || !persisted.TryGetProperty("sha256Hash", out var sha) || sha.ValueKind != JsonValueKind.String)
            {
                throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "extensions.persistedQuery needs a sha256Hash string.");
            }

            if (persisted.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1))
            {
                throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "PERSISTED_QUERY_VERSION", "Only version 1 of persisted queries is supported.");
            }

            hash = sha.GetString()!.ToLowerInvariant();
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            {
                throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "extensions.persistedQuery.sha256Hash must be 64 hexadecimal characters.");
            }
        }

        if (string.IsNullOrWhiteSpace(query) && hash is null)
        {
            throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "QUERY_MISSING", "The request has no query: send 'query' (or a persisted query hash in 'extensions').");
        }

        return new GraphQLHttpRequest
        {
            Query = string.IsNullOrWhiteSpace(query) ? null : query,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables,
            PersistedQueryHash = hash,
        };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }
    }

    private static GraphQLRequestException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than {maxBytes} bytes (Cms:GraphQL:MaxRequestBytes).");

    private static string? StringProperty(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"'{name}' must be a string.");
    }

    private static JsonElement? ObjectProperty(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value.Clone()
            : throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"'{name}' must be a JSON object.");
    }

    private static JsonElement? ParseObject(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object => document.RootElement.Clone(),
                _ => throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_REQUEST", $"The '{name}' parameter must be a JSON object."),
            };
        }
        catch (JsonException)
        {
            throw new GraphQLRequestException(StatusCodes.Status400BadRequest, "INVALID_JSON", $"The '{name}' parameter is not valid JSON.");
        }
    }
}
