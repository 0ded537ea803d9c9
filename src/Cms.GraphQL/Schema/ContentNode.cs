using Cms.Core.Content;

namespace Cms.GraphQL.Schema;

/// <summary>
/// An item as a resolver sees it. <see cref="Preview"/> is true inside a DRAFT / LATEST / ALL query: its pickers
/// then resolve the latest versions the caller may preview; otherwise only published versions.
/// </summary>
internal sealed record ContentNode(ContentItem Item, bool Preview);
