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
/// passed validation once (see <see cref="Schema.GeneratedSchema.FindDocument"/>) is only checked again by the rules
/// whose outcome this request can change (see <see cref="Rules"/>).
/// </summary>
internal sealed class GraphQLExecutor
{
    private readonly DocumentExecuter _executer = new(
        new GraphQLDocumentBuilder(),
        new DocumentValidator(),
        new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(SerialExecutionStrategy.Instance, OperationType.Query)]),
        Array.Empty<IConfigureExecution>());

    private readonly IValidationRule[] _coreRules;
    private readonly IValidationRule _complexity;
    private readonly IValidationRule _introspectionDepth;
    private readonly IValidationRule _pageSize;
    private readonly CmsGraphQLOptions _settings;
    private readonly ILogger<GraphQLExecutor> _logger;

    public GraphQLExecutor(IOptions<CmsGraphQLOptions> options, ILogger<GraphQLExecutor> logger)
    {
        _settings = options.Value;
        _logger = logger;
        _coreRules = [.. DocumentValidator.CoreRules];
        _complexity = new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = _settings.MaxDepth > 0 ? _settings.MaxDepth : null,
            MaxComplexity = _settings.MaxComplexity > 0 ? _settings.MaxComplexity : null,
        });

        // Reading the schema is cheap and the same for everyone (and cached for anonymous callers): it has a depth
        // limit of its own and no complexity limit, so the standard introspection query of tools passes.
        _introspectionDepth = new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = Math.Max(_settings.MaxDepth, _settings.IntrospectionMaxDepth),
        });
        _pageSize = new PageSizeValidationRule(_settings);
    }

    /// <summary>
    /// The rules for one execution. A document from the cache passed every rule before; a rule runs again only where this
    /// request can change its outcome: the measures (depth and complexity, page size) when the document gives a measured
    /// argument or a directive a variable, the introspection rule when the caller may not read the schema and the
    /// document does. (This holds as long as no field's complexity reads other arguments: see <see cref="ValidatedDocument"/>.)
    /// </summary>
    private List<IValidationRule> Rules(ValidatedDocument? validated, bool introspectionOnly, bool anonymous)
    {
        var rules = validated is null ? new List<IValidationRule>(_coreRules) : new List<IValidationRule>(3);
        if (validated is null || validated.MeasureUsesVariables)
        {
            rules.Add(introspectionOnly ? _introspectionDepth : _complexity);
            rules.Add(_pageSize);
        }

        if ((!_settings.EnableIntrospection || (anonymous && !_settings.AllowAnonymousIntrospection)) && (validated is null || validated.ReadsSchema))
        {
            rules.Add(NoIntrospectionValidationRule.Instance);
        }

        return rules;
    }

    public Task<ExecutionResult> ExecuteAsync(
        ISchema schema,
        string query,
        GraphQLDocument? document,
        ValidatedDocument? validated,
        bool introspectionOnly,
        bool anonymous,
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
            ValidationRules = Rules(validated, introspectionOnly, anonymous),
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = failure =>
            {
                _logger.LogError(failure.OriginalException, "GraphQL field {Field} failed", failure.FieldContext?.FieldDefinition.Name);
                return Task.CompletedTask;
            },
        });
}
