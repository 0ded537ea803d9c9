using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Security.Identity;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in entry points: the admin sign-in form, its two-factor code step and
/// enrolment step, and the token endpoint. Two
/// fixed windows in a chain, one per client address and one per account name (the typed user name, or the
/// client_id; for the code steps, the account the password step chose), so neither one address trying many names nor many addresses trying one name gets far. A refused
/// attempt gets 429 with <c>Retry-After</c> and never reaches the password check (nor the account lockout).
/// </summary>
internal static class SignInRateLimiter
{
    /// <summary>The second step of the admin sign-in (a code) and the enrolment step (its confirming code).</summary>
    public const string SecondStepPath = "/admin/login/two-factor";
    public const string EnrolmentPath = "/admin/login/enrol";

    private const string AccountItem = "cms:sign-in-account";

    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/admin/login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase)
            || IsCodeStep(request));

    private static bool IsCodeStep(HttpRequest request) =>
        request.Path.Equals(SecondStepPath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(EnrolmentPath, StringComparison.OrdinalIgnoreCase);

    public static void Configure(RateLimiterOptions options, IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value;
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(settings.PermitsPerAddress, settings.Window))
                : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request) && AccountName(context.Request) is { } account
                ? RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => Window(settings.PermitsPerAccount, settings.Window))
                : RateLimitPartition.GetNoLimiter("")));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            var http = rejected.HttpContext;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimiter))
                .LogWarning("Sign-in attempts throttled on {Path} for {Seconds} s", http.Request.Path.Value, seconds);
            await http.Response.WriteAsJsonAsync(
                new { error = "too_many_attempts", error_description = $"Too many sign-in attempts. Try again in {seconds} seconds." },
                cancellationToken);
        };
    }

    /// <summary>
    /// Before the limiter runs, finds the account a sign-in request is for, so it can key a partition: the typed name
    /// (or client_id) in the form, or for the code steps the user id in the cookie the password step left.
    /// </summary>
    public static async Task PreloadFormAsync(HttpContext context)
    {
        if (!IsSignIn(context.Request))
        {
            return;
        }

        if (context.Request.HasFormContentType)
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }

        if (IsCodeStep(context.Request))
        {
            var scheme = context.Request.Path.Equals(SecondStepPath, StringComparison.OrdinalIgnoreCase) ? IdentityConstants.TwoFactorUserIdScheme : CmsAuthenticationSchemes.TwoFactorEnrolment;
            var partial = await context.AuthenticateAsync(scheme);
            if (partial.Succeeded && partial.Principal.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } userId)
            {
                context.Items[AccountItem] = NameHash("user:" + userId);
            }
        }
    }

    /// <summary>A hash of a typed account name: for partitions and logs, never the text itself (people type passwords there).</summary>
    public static string NameHash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToUpperInvariant())))[..16];

    private static string? AccountName(HttpRequest request)
    {
        if (IsCodeStep(request))
        {
            return request.HttpContext.Items.TryGetValue(AccountItem, out var account) ? account as string : null;
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = request.Form;
        var name = form["Input.UserName"].ToString() is { Length: > 0 } user ? user : form["client_id"].ToString();
        return name.Length > 0 ? NameHash(name) : null;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
