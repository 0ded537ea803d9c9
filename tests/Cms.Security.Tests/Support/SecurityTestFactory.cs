using Cms.Data.Entities;
using Cms.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security.Tests.Support;

/// <summary>
/// The real host plus one test-only endpoint, <c>POST /test/sign-in</c> (form: userName, password), that signs in
/// through the CMS sign-in manager exactly as the admin's login page does, so tests get a real admin cookie.
/// </summary>
public sealed class SecurityTestFactory : CmsWebApplicationFactory
{
    public SecurityTestFactory()
    {
        WithServices(services => services.AddSingleton<IStartupFilter, TestSignInStartupFilter>());
    }

    private sealed class TestSignInStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would set PathBase, and the cookie would be scoped to /test/sign-in.
            app.Use(async (context, nextMiddleware) =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/test/sign-in")
                {
                    await nextMiddleware(context);
                    return;
                }

                var form = await context.Request.ReadFormAsync();
                var signIn = context.RequestServices.GetRequiredService<SignInManager<CmsUser>>();

                // lockoutOnFailure: false on purpose: the CMS sign-in manager counts failures anyway.
                var result = await signIn.PasswordSignInAsync(form["userName"].ToString(), form["password"].ToString(), isPersistent: false, lockoutOnFailure: false);
                context.Response.StatusCode = result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync(result.ToString());
            });
            next(app);
        };
    }
}
