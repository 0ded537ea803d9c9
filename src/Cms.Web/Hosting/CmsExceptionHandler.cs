using Cms.Core.Content;
using Cms.Core.Media;
using Cms.Recipes;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Web.Hosting;

/// <summary>
/// The one table from exceptions to ProblemDetails: bad input 400, access denied 403, not found 404, stale
/// version 409 (412 over the content API's If-Match, 428 without one), a transition the stage does not allow 409; anything else 500 without details outside Development. Every answer carries the trace id.
/// </summary>
public sealed class CmsExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<CmsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            ContentValidationException => (StatusCodes.Status400BadRequest, "The content is not valid."),
            RecipeException => (StatusCodes.Status400BadRequest, "The recipe could not be applied."),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid."),
            ContentAccessDeniedException => (StatusCodes.Status403Forbidden, "Access denied."),
            ContentNotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            ContentConflictException => (StatusCodes.Status409Conflict, "The item was changed by someone else."),
            ContentPreconditionException { Missing: true } => (StatusCodes.Status428PreconditionRequired, "The write must name the version it started from."),
            ContentPreconditionException => (StatusCodes.Status412PreconditionFailed, "The item was changed by someone else."),
            ContentTransitionException => (StatusCodes.Status409Conflict, "The transition is not allowed."),
            MediaRejectedException rejected => (rejected.StatusCode, MediaTitle(rejected.StatusCode)),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = status < 500 || environment.IsDevelopment() ? exception.Message : null,
        };
        details.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier;
        if (exception is ContentValidationException validation)
        {
            details.Extensions["errors"] = validation.Errors.Select(e => new { path = e.Path, message = e.Message }).ToList();
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private static string MediaTitle(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status403Forbidden => "Access denied.",
        StatusCodes.Status409Conflict => "The file is in use.",
        StatusCodes.Status413PayloadTooLarge => "The file is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The upload is not multipart/form-data.",
        StatusCodes.Status503ServiceUnavailable => "The server is busy processing images.",
        _ => "The file was refused.",
    };
}
