namespace Cms.Core.Queries;

/// <summary>Comparison operators. Negations (<c>_not</c>, <c>_not_in</c>, ...) are a <see cref="NotFilter"/> around these.</summary>
public enum FilterOperator
{
    Equal,
    In,
    Contains,
    StartsWith,
    EndsWith,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
