namespace Cms.Security.Administration;

/// <summary>An <see cref="AdminResult"/> that carries a value when it succeeded (made by <see cref="AdminResult.Ok{T}(T)"/>).</summary>
public sealed class AdminResult<T> : AdminResult
{
    internal AdminResult(T? value, IReadOnlyList<AdminError> errors, bool notFound)
        : base(errors, notFound)
    {
        Value = value;
    }

    public T? Value { get; }
}
