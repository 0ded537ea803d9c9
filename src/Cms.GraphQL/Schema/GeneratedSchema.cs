using GraphQL.Types;

namespace Cms.GraphQL.Schema;

/// <summary>A schema and the serial of the definitions it was generated from.</summary>
internal sealed record GeneratedSchema(long Serial, ISchema Schema);
