namespace Cms.Media.Tests.Support;

/// <summary>The media test host with its library in a bucket of an s3rver started for it (objects under <see cref="Prefix"/>).</summary>
public sealed class S3MediaHost : MediaHost
{
    public const string Prefix = "site-a";

    public S3rverProcess S3 { get; } = new();

    public override async Task InitializeAsync()
    {
        await S3.InitializeAsync();
        if (S3.Unavailable is not null)
        {
            return;
        }

        S3.Configure(Factory, Prefix);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await S3.DisposeAsync();
    }
}
