namespace Cms.Security.Administration;

/// <summary>
/// The outcome of a user, role or client change. Refusals the caller can fix are errors here (shown next to the
/// form field); a missing permission throws <see cref="Core.Content.ContentAccessDeniedException"/> (403).
/// </summary>
public class AdminResult
{
    protected AdminResult(IReadOnlyList<AdminError> errors, bool notFound)
    {
        Errors = errors;
        NotFound = notFound;
    }

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    /// <summary>The user, role or client does not exist.</summary>
    public bool NotFound { get; }

    public IReadOnlyList<AdminError> Errors { get; }

    public static AdminResult Ok() => new([], false);

    public static AdminResult Fail(string field, string message) => new([new AdminError(field, message)], false);

    public static AdminResult Fail(IReadOnlyList<AdminError> errors) => new(errors, false);

    public static AdminResult Missing(string what) => new([new AdminError("", $"{what} was not found.")], true);

    public static AdminResult<T> Ok<T>(T value) => new(value, [], false);

    public static AdminResult<T> Fail<T>(IReadOnlyList<AdminError> errors) => new(default, errors, false);

    /// <summary>The same failure, typed for a method that returns a value.</summary>
    public AdminResult<T> As<T>() => new(default, Errors, NotFound);

    public override string ToString() => Succeeded ? "Succeeded" : string.Join(" ", Errors.Select(e => e.Field.Length > 0 ? $"{e.Field}: {e.Message}" : e.Message));
}
