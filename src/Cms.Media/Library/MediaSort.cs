namespace Cms.Media.Library;

public enum MediaSort
{
    Newest,
    Oldest,
    Name,
    Largest,
}
