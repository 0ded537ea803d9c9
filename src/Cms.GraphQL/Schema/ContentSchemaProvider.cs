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

    public async Task<GeneratedSchema> GetAsync(IContentDefinitionManager definitions, CancellationToken cancellationToken)
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

            var schema = new GeneratedSchema(set.Serial, factory.Build(set, options.Value));
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
