using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Storage;

namespace Cms.Media.Profiles;

/// <summary>
/// The media profiles, in the document <c>MediaProfiles</c> (so every process reads the same ones), keyed by name.
/// Written by the <c>MediaProfiles</c> recipe step.
/// </summary>
public sealed class MediaProfileStore(IDocumentStore documents)
{
    public const string DocumentName = "MediaProfiles";

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<IReadOnlyDictionary<string, MediaProfile>> GetAsync(CancellationToken cancellationToken = default)
    {
        var document = await documents.GetAsync(DocumentName, cancellationToken);
        var profiles = new SortedDictionary<string, MediaProfile>(StringComparer.Ordinal);
        if (document?["Profiles"] is JsonObject stored)
        {
            foreach (var (name, value) in stored)
            {
                if (value?.Deserialize<MediaProfile>(Json) is { } profile)
                {
                    profiles[name] = profile;
                }
            }
        }

        return profiles;
    }

    public async Task<MediaProfile?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).GetValueOrDefault(name);

    /// <summary>Adds or replaces the given profiles; the others stay.</summary>
    public async Task SaveAsync(IEnumerable<MediaProfile> profiles, CancellationToken cancellationToken = default)
    {
        var current = await documents.GetAsync(DocumentName, cancellationToken);
        var document = current?.DeepClone().AsObject() ?? [];
        var stored = document["Profiles"] as JsonObject ?? [];
        foreach (var profile in profiles)
        {
            stored[profile.Name] = JsonSerializer.SerializeToNode(profile, Json);
        }

        document["Profiles"] = stored.DeepClone();
        if (!JsonNode.DeepEquals(current, document))
        {
            // Unchanged profiles are not written again: re-running a recipe changes nothing.
            await documents.SetAsync(DocumentName, document, cancellationToken);
        }
    }
}
