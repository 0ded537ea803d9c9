using Cms.Core.Html;

namespace Cms.Core.Tests.Html;

public sealed class HtmlSanitizerServiceTests
{
    private readonly HtmlSanitizerService _sanitizer = new();

    [Theory]
    [InlineData("<p>Hello</p><script>alert(1)</script>")]
    [InlineData("<p>Hello</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=\"cover.jpg\" onerror=\"alert(1)\">")]
    [InlineData("<p onmouseover=\"alert(1)\">Hover</p>")]
    [InlineData("<svg onload=alert(1)><circle r=\"1\"/></svg>")]
    [InlineData("<body onload=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">link</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">link</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">link</a>")]
    [InlineData("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">link</a>")]
    [InlineData("<a href=\"  javascript:alert(1)\">link</a>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<form action=\"javascript:alert(1)\"><button>Go</button></form>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>")]
    [InlineData("<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">")]
    public void Scripts_event_handlers_and_javascript_urls_never_survive(string html)
    {
        var clean = _sanitizer.Sanitize(html).ToLowerInvariant();

        Assert.DoesNotContain("<script", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("data:text/html", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<object", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<embed", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", clean, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", clean);
    }

    [Fact]
    public void Newsroom_markup_is_kept()
    {
        const string html = "<h2>Background</h2><p>The <strong>grid</strong> plan, <em>explained</em>, with a <a href=\"https://example.org/report\">report</a>.</p>"
            + "<figure class=\"wide\"><img src=\"https://example.org/media/harbour.jpg\" alt=\"The harbour\"><figcaption>The harbour at dawn</figcaption></figure>"
            + "<blockquote><p>Quote</p></blockquote><ul><li>One</li></ul>";

        var clean = _sanitizer.Sanitize(html);

        Assert.Equal(html, clean);
    }

    [Fact]
    public void Mail_links_are_kept()
    {
        const string html = "<a href=\"mailto:desk@example.org\">Write to us</a>";

        Assert.Equal(html, _sanitizer.Sanitize(html));
    }
}
