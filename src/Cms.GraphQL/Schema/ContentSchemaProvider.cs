using Cms.Core.Media;
using Cms.Core.Metadata;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Cms.GraphQL.Schema;

/// <summary>
/// The schema for the current content definitions. It is generated again when their serial changes (a recipe
/// or the admin changed a type), so the API follows the definitions without a restart.
/// </summary>
internal sealed class ContentSchemaProvider(ContentSchemaFactory factory, IOptions<CmsGraphQLOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile GeneratedSchema? _current;

    public Task<GeneratedSchema> GetAsync(IContentDefinitionManager definitions, CancellationToken cancellationToken) =>
        GetAsync(definitions, null, cancellationToken);

    /// <summary>
    /// The schema; its media profile enum (HERO, CARD ...) is read from <paramref name="media"/> when the schema is
    /// generated, i.e. on the first request and after each definitions change.
    /// </summary>
    public async Task<GeneratedSchema> GetAsync(IContentDefinitionManager definitions, IMediaDerivatives? media, CancellationToken cancellationToken)
    {
        var set = await definitions.GetAsync(cancellationToken);
        if (_current is { } current && current.Serial == set.Serial)
        {
            return current;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Serial == set.Serial)
            {
                return built;
            }

            var profiles = media is null ? [] : await media.GetProfilesAsync(cancellationToken);
            var schema = new GeneratedSchema(set.Serial, factory.Build(set, options.Value, profiles));
            _current = schema;
            return schema;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
