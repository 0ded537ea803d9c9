using Cms.Core.Metadata;

namespace Cms.Preview.Rendering;

/// <summary>A field of a type, with the key of the part it lives under.</summary>
internal sealed record FieldRef(string PartKey, ContentPartFieldDefinition Field);
