using Cms.Core.Metadata;

namespace Cms.GraphQL.Execution;

/// <summary>A ContentPickerField of a type, with the key of the part it lives under.</summary>
internal sealed record PickerReference(string PartKey, ContentPartFieldDefinition Field);
