namespace Cms.Core.Queries;

/// <summary>The common item properties that can be filtered and sorted (columns of the version table).</summary>
public enum ContentColumn
{
    ContentItemId,
    ContentItemVersionId,
    ContentType,
    DisplayText,
    Path,
    Owner,
    Author,
    Published,
    Latest,
    CreatedUtc,
    ModifiedUtc,
    PublishedUtc,
    Stage,
    AssignedTo,
    DueUtc,
}
