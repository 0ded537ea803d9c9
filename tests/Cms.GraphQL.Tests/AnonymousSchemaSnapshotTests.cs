using System.Runtime.CompilerServices;
using Cms.Core.Metadata;
using Cms.GraphQL.Schema;
using Cms.GraphQL.Tests.Support;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>
/// The schema anonymous callers can read (newsroom recipe), as SDL, against the committed
/// <c>Snapshots/anonymous-schema.graphql</c>: a new public field, argument or description shows up as a failing
/// test, and the snapshot is updated deliberately in the same commit (run with <c>CMS_UPDATE_SNAPSHOTS=1</c>).
/// </summary>
public sealed class AnonymousSchemaSnapshotTests(NewsroomHost host) : IClassFixture<NewsroomHost>
{
    [Fact]
    public async Task The_anonymous_schema_equals_the_committed_snapshot()
    {
        var introspection = await host.Client.PostAsync("{ __schema { queryType { name } } }");
        Assert.False(introspection.HasErrors, introspection.Text);
        string sdl = "";
        await host.AsSystemAsync(async services =>
        {
            var schema = await services.GetRequiredService<ContentSchemaProvider>().GetAsync(services.GetRequiredService<IContentDefinitionManager>(), CancellationToken.None);
            sdl = schema.Schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        });

        var path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("CMS_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, sdl);
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == sdl,
            $"The anonymous GraphQL schema changed. Check every new public field, then update {path} (CMS_UPDATE_SNAPSHOTS=1).\n" + FirstDifference(committed, sdl));
    }

    private static string SnapshotPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Snapshots", "anonymous-schema.graphql");

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < b.Length ? b[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}: committed '{left}', now '{right}'";
            }
        }

        return "";
    }
}
