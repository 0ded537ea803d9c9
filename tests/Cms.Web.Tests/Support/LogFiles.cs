namespace Cms.Web.Tests.Support;

/// <summary>The rolling log files the host writes under <c>{Cms:DataDirectory}/logs</c>, read while the host still has them open.</summary>
public static class LogFiles
{
    public static string ReadAll(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "logs");
        Assert.True(Directory.Exists(folder), $"no log folder under {dataDirectory}");
        var files = Directory.GetFiles(folder, "cms-*.log");
        Assert.NotEmpty(files);
        return string.Concat(files.Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}
