using System.Net;
using Cms.Preview.Tests.Support;

namespace Cms.Preview.Tests;

/// <summary>Share-link pages are limited per client address, so tokens cannot be tried at speed.</summary>
public sealed class ShareRateLimitTests
{
    [Fact]
    public async Task Beyond_the_limit_a_share_page_answers_429_with_retry_after_and_no_content()
    {
        var host = new PreviewHost { SampleContent = false, Settings = { ["Cms:Preview:SharePermitsPerMinute"] = "3" } };
        await host.InitializeAsync();
        try
        {
            using var stranger = host.Anonymous();
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++)
            {
                answers.Add(await stranger.GetAsync("/preview/not-a-real-token-but-long-enough-" + i));
            }

            Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
            var refused = answers[3];
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("noindex, nofollow", refused.Headers.GetValues("X-Robots-Tag").Single());
            Assert.Contains("Too many preview requests", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
