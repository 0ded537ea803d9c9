using System.Security.Claims;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.GraphQL.Execution;

/// <summary>
/// Runs a document with the configured limits (depth, complexity, page size, introspection). Queries run with
/// GraphQL.NET's serial strategy: one resolver at a time, because they share the request's DbContext; data
/// loaders still batch, since the strategy completes every pending loader of a level together. A document that
/// passed validation once (see <see cref="Schema.GeneratedSchema.TryGetDocument"/>) is only checked again by the rules
/// that depend on the request's variables (complexity, page size).
/// </summary>
internal sealed class GraphQLExecutor
{
    private readonly DocumentExecuter _executer = new(
        new GraphQLDocumentBuilder(),
        new DocumentValidator(),
        new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(SerialExecutionStrategy.Instance, OperationType.Query)]),
        Array.Empty<IConfigureExecution>());

    private readonly IValidationRule[] _rules;
    private readonly IValidationRule[] _cachedDocumentRules;
    private readonly ILogger<GraphQLExecutor> _logger;

    public GraphQLExecutor(IOptions<CmsGraphQLOptions> options, ILogger<GraphQLExecutor> logger)
    {
        var settings = options.Value;
        _logger = logger;
        var rules = DocumentValidator.CoreRules.ToList();
        var complexity = new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = settings.MaxDepth > 0 ? settings.MaxDepth : null,
            MaxComplexity = settings.MaxComplexity > 0 ? settings.MaxComplexity : null,
        });
        var pageSize = new PageSizeValidationRule(settings);
        rules.Add(complexity);
        rules.Add(pageSize);

        // A document from the cache passed every rule before; only the rules that read variable values run again.
        _cachedDocumentRules = [complexity, pageSize];
        if (!settings.EnableIntrospection)
        {
            rules.Add(NoIntrospectionValidationRule.Instance);
        }

        _rules = [.. rules];
    }

    public Task<ExecutionResult> ExecuteAsync(
        ISchema schema,
        string query,
        GraphQLDocument? document,
        bool documentValidated,
        string? operationName,
        Inputs? variables,
        GraphQLRequestContext context,
        IServiceProvider services,
        ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Document = document,
            OperationName = operationName,
            Variables = variables,
            UserContext = context,
            RequestServices = services,
            User = user,
            ValidationRules = documentValidated ? _cachedDocumentRules : _rules,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = failure =>
            {
                _logger.LogError(failure.OriginalException, "GraphQL field {Field} failed", failure.FieldContext?.FieldDefinition.Name);
                return Task.CompletedTask;
            },
        });
}
