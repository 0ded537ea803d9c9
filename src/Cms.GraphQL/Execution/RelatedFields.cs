using Cms.Core.Metadata;

namespace Cms.GraphQL.Execution;

/// <summary>
/// The fields behind <c>related</c>: the hand-picked picker (a "Related…" picker to the same type) and the group
/// picker used to top up (the first single-item picker to another type, e.g. an article's Section).
/// </summary>
internal sealed record RelatedFields(ContentTypeDefinition Type, PickerReference Picked, PickerReference? Group);
