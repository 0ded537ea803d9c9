namespace Cms.Core.Content;

/// <summary>
/// The one table from the content engine's refusals to an HTTP status and a title: bad input 400, access denied 403, not
/// found 404, stale version 409 (412 over If-Match, 428 without one), a transition the stage does not allow 409. The
/// host's exception handler renders it; bulk actions report it per item. Anything else is a fault, not a refusal.
/// </summary>
public static class ContentRefusal
{
    /// <summary>The status and title for a refusal; null when <paramref name="exception"/> is not one.</summary>
    public static (int Status, string Title)? Of(Exception exception) => exception switch
    {
        ContentValidationException => (400, "The content is not valid."),
        ContentAccessDeniedException => (403, "Access denied."),
        ContentNotFoundException => (404, "Not found."),
        ContentConflictException => (409, "The item was changed by someone else."),
        ContentPreconditionException { Missing: true } => (428, "The write must name the version it started from."),
        ContentPreconditionException => (412, "The item was changed by someone else."),
        ContentTransitionException => (409, "The transition is not allowed."),
        _ => null,
    };
}
