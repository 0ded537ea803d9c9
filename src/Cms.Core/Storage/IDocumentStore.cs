using System.Text.Json.Nodes;

namespace Cms.Core.Storage;

/// <summary>Named JSON documents (content definitions, site settings, setup state), written in the request's transaction.</summary>
public interface IDocumentStore
{
    Task<JsonObject?> GetAsync(string name, CancellationToken cancellationToken = default);

    Task SetAsync(string name, JsonObject document, CancellationToken cancellationToken = default);
}
