using Cms.Core.Content;
using Cms.Core.Media;
using Cms.Recipes;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Web.Hosting;

/// <summary>
/// Exceptions to ProblemDetails: the content engine's refusals by <see cref="ContentRefusal"/>, bad recipes and requests
/// 400, media refusals by their own status; an unreachable database 503 with <c>Retry-After</c>; anything else 500 without details outside Development. Every answer carries
/// the trace id.
/// </summary>
public sealed class CmsExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<CmsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            RecipeException => (StatusCodes.Status400BadRequest, "The recipe could not be applied."),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid."),
            MediaRejectedException rejected => (rejected.StatusCode, MediaTitle(rejected.StatusCode)),
            _ when ContentRefusal.Of(exception) is { } refusal => refusal,
            _ when Core.Storage.DatabaseFailure.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
            logger.LogWarning(exception, "The database is unavailable on {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = status < 500 ? exception.Message : environment.IsDevelopment() ? exception.GetBaseException().Message : null,
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
