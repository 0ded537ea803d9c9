using Cms.Core.Content;
using Cms.Core.Media;
using Cms.Core.Storage;
using Cms.GraphQL.Schema;
using GraphQL;

namespace Cms.GraphQL.Execution;

/// <summary>
/// What the resolvers of one request share: the caller's access, the store, the data loaders, and whether the
/// request read anything but published content (then its response is never cached).
/// </summary>
internal sealed class GraphQLRequestContext : Dictionary<string, object?>
{
    public GraphQLRequestContext(IContentAccess access, IContentManager content, IContentStore store, PublishedItemCache published, CmsGraphQLOptions options, string mediaBaseUrl, IMediaDerivatives? media = null)
    {
        Media = media;
        MediaFiles = media is null ? null : new BatchLoader<string, MediaFileInfo>(
            async (paths, cancellationToken) => await media.DescribeAsync(paths, cancellationToken), StringComparer.Ordinal);
        Access = access;
        Content = content;
        Options = options;
        MediaBaseUrl = mediaBaseUrl;
        Loader = new ContentItemLoader(store, access, published);
    }

    public IContentAccess Access { get; }

    public IContentManager Content { get; }

    public CmsGraphQLOptions Options { get; }

    /// <summary>Scheme, host and media path, e.g. <c>https://news.example.com/media</c>.</summary>
    public string MediaBaseUrl { get; }

    public ContentItemLoader Loader { get; }

    /// <summary>The media library (sizes, focal points, crop URLs), when the host has one.</summary>
    public IMediaDerivatives? Media { get; }

    /// <summary>Library facts of media files, loaded for all files of a query level at once.</summary>
    public BatchLoader<string, MediaFileInfo>? MediaFiles { get; }

    /// <summary>Answers of root list fields by field, arguments and selected totals: identical aliases run once.</summary>
    public Dictionary<string, Task<object?>> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when any field read drafts or latest versions.</summary>
    public bool UsedPreview { get; set; }

    public static GraphQLRequestContext From(IResolveFieldContext context) =>
        context.UserContext as GraphQLRequestContext
        ?? throw new InvalidOperationException("The GraphQL request context is missing.");

    public async Task<bool> CanSeeAsync(ContentNode node, CancellationToken cancellationToken) =>
        await Access.IsAllowedAsync(node.Preview ? ContentAction.Preview : ContentAction.View, node.Item, cancellationToken);
}
