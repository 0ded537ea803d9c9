namespace Cms.Web.Tests;

/// <summary>The repository's root holds one solution file, <c>Cms.sln</c>, naming every project, so <c>dotnet build</c> and <c>dotnet test</c> need no argument.</summary>
public sealed class SolutionFileTests
{
    [Fact]
    public void The_root_holds_one_solution_file_that_lists_every_project()
    {
        var root = RepositoryRoot();

        var solutions = Directory.EnumerateFiles(root, "*.sln*").Select(Path.GetFileName).ToList();
        Assert.Equal(["Cms.sln"], solutions);
        var text = File.ReadAllText(Path.Combine(root, "Cms.sln"));
        var listed = text.Split('\n')
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal) && line.Contains(".csproj", StringComparison.Ordinal))
            .Select(line => line.Split('"')[5].Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var projects = new[] { "src", "themes", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/node_modules/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(projects);
        Assert.Equal(projects, listed);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".ci")) && Directory.Exists(Path.Combine(folder.FullName, "src")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with .ci and src) was not found above the test binaries.");
    }
}
