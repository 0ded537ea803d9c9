namespace Cms.Admin.Services;

/// <summary>The outcome of an admin action: success, or the errors to show next to the form fields.</summary>
public record AdminResult(IReadOnlyList<AdminError> Errors)
{
    public static readonly AdminResult Success = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Fail(string message, string? field = null) => new([new AdminError(field, message)]);

    public static AdminResult<T> Ok<T>(T value) => new(value, []);

    public static AdminResult<T> Fail<T>(string message, string? field = null) => new(default, [new AdminError(field, message)]);

    /// <summary>The same errors, as the result of an action that would have returned a <typeparamref name="T"/>.</summary>
    public AdminResult<T> As<T>() => new(default, Errors);
}
