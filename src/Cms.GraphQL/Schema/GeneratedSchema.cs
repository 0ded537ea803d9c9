using System.Collections.Concurrent;
using Cms.GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Cms.GraphQL.Schema;

/// <summary>
/// A schema and the serial of the definitions it was generated from, with the documents that passed validation
/// against it: a front end sends the same few queries over and over, and parsing and validating them again costs
/// more than running some of them. The documents go with the schema when the definitions change.
/// </summary>
internal sealed record GeneratedSchema(long Serial, ISchema Schema)
{
    public const int MaxDocuments = 1000;
    public const int MaxDocumentQueryLength = 32 * 1024;

    private readonly ConcurrentDictionary<(string Query, string? OperationName), ValidatedDocument> _documents = new();

    public int DocumentCount => _documents.Count;

    /// <summary>The parsed document of a query that passed validation before, for the same operation; null if none.</summary>
    public ValidatedDocument? FindDocument(string query, string? operationName) =>
        _documents.GetValueOrDefault((query, operationName));

    /// <summary>Keeps the document of a query that passed validation; when full, or for a very long query, nothing is kept.</summary>
    public void AddDocument(string query, string? operationName, GraphQLDocument document)
    {
        if (query.Length <= MaxDocumentQueryLength && _documents.Count < MaxDocuments)
        {
            _documents.TryAdd((query, operationName), ValidatedDocument.Of(document));
        }
    }
}
