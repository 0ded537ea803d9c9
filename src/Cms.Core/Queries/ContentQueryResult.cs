using Cms.Core.Content;

namespace Cms.Core.Queries;

public sealed record ContentQueryResult(IReadOnlyList<ContentItem> Items, int? Total);
