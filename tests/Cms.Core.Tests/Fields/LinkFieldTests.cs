using Cms.Core.Fields;
using Cms.Core.Tests.Builders;

namespace Cms.Core.Tests.Fields;

public sealed class LinkFieldTests
{
    [Theory]
    [InlineData("https://example.org/about")]
    [InlineData("http://example.org")]
    [InlineData("mailto:desk@example.org")]
    [InlineData("/authors/ayla-rahimova")]
    public void Safe_urls_are_accepted(string url)
    {
        var (_, errors) = FieldCheck.Of(new LinkFieldKind()).Normalize($$"""{ "Url": "{{url}}", "Text": "Website" }""");

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("//evil.example/login")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/file")]
    [InlineData("example.org")]
    public void Unsafe_urls_are_refused(string url)
    {
        var value = new System.Text.Json.Nodes.JsonObject { ["Url"] = url };

        var error = Assert.Single(FieldCheck.Of(new LinkFieldKind()).Normalize(value));

        Assert.Equal("$.Article.Field.Url", error.Path);
        Assert.False(LinkFieldKind.IsSafeUrl(url));
    }

    [Fact]
    public void A_required_link_needs_a_url()
    {
        var (_, errors) = FieldCheck.Of(new LinkFieldKind()).Named("Website").Required().Normalize("""{ "Text": "Home" }""");

        Assert.Equal("'Website' is required.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Link_text_must_be_a_string()
    {
        var (_, errors) = FieldCheck.Of(new LinkFieldKind()).Normalize("""{ "Url": "/x", "Text": 5 }""");

        Assert.Equal("$.Article.Field.Text", Assert.Single(errors).Path);
    }
}
