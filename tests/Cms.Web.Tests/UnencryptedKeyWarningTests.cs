using Cms.Testing;
using Cms.Web.Tests.Support;
using static Cms.Web.Tests.Support.TwoNodes;

namespace Cms.Web.Tests;

/// <summary>
/// Keys stored before <c>Cms:Keys:CertificatePath</c> was set stay readable once it is, and every start says that they
/// are not encrypted (reads the log, so it runs alone).
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class UnencryptedKeyWarningTests : IDisposable
{
    // The log files hold each event's message template and its properties ("Count": 1).
    private const string Warning = "data-protection keys in the database were stored before Cms:Keys:CertificatePath was set and are not encrypted";

    private readonly ScratchFolder _scratch = new("cms-key-certificates");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Keys_stored_before_the_certificate_was_set_stay_in_use_and_the_start_warns_that_they_are_not_encrypted()
    {
        var data = Path.Combine(_scratch.Path, "data");
        using var before = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", data);
        var session = await SignInAsync(before);
        Assert.DoesNotContain(Warning, LogFiles.ReadAll(data), StringComparison.Ordinal);

        var pfx = KeyCertificate.Create(_scratch.Path, "cms-keys", password: null);
        using var after = new CmsWebApplicationFactory().WithSetting("Cms:DataDirectory", data).WithSetting("Cms:Keys:CertificatePath", pfx);
        await AssertAcceptsCookieAsync(after, session);
        var warning = Assert.Single(LogFiles.ReadAll(data).Split('\n'), line => line.Contains(Warning, StringComparison.Ordinal));
        Assert.Contains("\"Count\":1", warning, StringComparison.Ordinal);
    }
}
