using Cms.Core.Settings;
using Cms.GraphQL.Execution;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.GraphQL.Schema;

/// <summary>
/// <c>site { siteName tagline logo { ... } footerText socialLinks { name url } cookieNotice { text links { text url } } }</c>:
/// the public site settings front ends build their header, footer and cookie notice from. Anyone who may query reads
/// them; the logo is a <c>MediaFile</c> (URL, size, crops), its alternative text the site name.
/// </summary>
internal static class SiteSchema
{
    private static readonly string[] TypeNames = ["SiteSettings", "SiteSocialLink", "SiteCookieNotice", "SiteCookieNoticeLink"];

    /// <summary>Type names the site field takes, so no content type may use them.</summary>
    public static bool IsReserved(string name) => TypeNames.Contains(name, StringComparer.Ordinal);

    public static void AddTo(ObjectGraphType query, SharedTypes shared)
    {
        var socialLink = new ObjectGraphType { Name = "SiteSocialLink", Description = "One of the site's accounts elsewhere." };
        socialLink.AddField(new FieldType { Name = "name", Type = typeof(NonNullGraphType<StringGraphType>), Resolver = Resolve.Sync(c => ((SocialLink)c.Source!).Name) });
        socialLink.AddField(new FieldType { Name = "url", Type = typeof(NonNullGraphType<StringGraphType>), Description = "An http(s) address.", Resolver = Resolve.Sync(c => ((SocialLink)c.Source!).Url) });

        var noticeLink = new ObjectGraphType { Name = "SiteCookieNoticeLink", Description = "A link of the cookie notice." };
        noticeLink.AddField(new FieldType { Name = "text", Type = typeof(NonNullGraphType<StringGraphType>), Resolver = Resolve.Sync(c => ((NoticeLink)c.Source!).Text) });
        noticeLink.AddField(new FieldType { Name = "url", Type = typeof(NonNullGraphType<StringGraphType>), Description = "An http(s) address or a path on the site, e.g. /privacy-policy.", Resolver = Resolve.Sync(c => ((NoticeLink)c.Source!).Url) });

        var notice = new ObjectGraphType { Name = "SiteCookieNotice", Description = "The cookie notice: its text and links (privacy policy, terms of use)." };
        notice.AddField(new FieldType { Name = "text", Type = typeof(StringGraphType), Description = "Plain text.", Resolver = Resolve.Sync(c => ((CookieNotice)c.Source!).Text) });
        notice.AddField(new FieldType { Name = "links", ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(noticeLink))), Resolver = Resolve.Sync(c => ((CookieNotice)c.Source!).Links) });

        var site = new ObjectGraphType { Name = "SiteSettings", Description = "The site's public settings, as an administrator set them." };
        site.AddField(new FieldType { Name = "siteName", Type = typeof(NonNullGraphType<StringGraphType>), Resolver = Resolve.Sync(c => ((SiteSettings)c.Source!).SiteName) });
        site.AddField(new FieldType { Name = "tagline", Type = typeof(StringGraphType), Description = "One line under the name (plain text).", Resolver = Resolve.Sync(c => ((SiteSettings)c.Source!).Tagline) });
        site.AddField(new FieldType
        {
            Name = "logo",
            ResolvedType = shared.MediaFile,
            Description = "The logo from the media library; its mediaText is the site name. Null when none is set.",
            Resolver = Resolve.Sync(c => ((SiteSettings)c.Source!) is { Logo: { Length: > 0 } path } settings
                ? new MediaFile(path, Cms.Core.Media.MediaPaths.Url(GraphQLRequestContext.From(c).MediaBaseUrl, path), settings.SiteName, null, null, null)
                : null),
        });
        site.AddField(new FieldType { Name = "footerText", Type = typeof(StringGraphType), Description = "Plain text; line breaks are meant to be kept.", Resolver = Resolve.Sync(c => ((SiteSettings)c.Source!).FooterText) });
        site.AddField(new FieldType { Name = "socialLinks", ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(socialLink))), Resolver = Resolve.Sync(c => ((SiteSettings)c.Source!).SocialLinks) });
        site.AddField(new FieldType { Name = "cookieNotice", ResolvedType = new NonNullGraphType(notice), Resolver = Resolve.Sync(c => ((SiteSettings)c.Source!).CookieNotice) });

        query.AddField(new FieldType
        {
            Name = "site",
            Description = "The site's name, tagline, logo, footer, social links and cookie notice.",
            ResolvedType = new NonNullGraphType(site),
            Resolver = Resolve.Async(async c =>
            {
                var services = c.RequestServices ?? throw new InvalidOperationException("The GraphQL request has no services.");
                return await services.GetRequiredService<ISiteSettingsService>().GetAsync(c.CancellationToken);
            }),
        });
    }
}
