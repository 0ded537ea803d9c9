namespace Cms.Workflow.Engine;

/// <summary>
/// The content types the editorial desk files items under: an item's section and its byline are the picker fields that
/// allow these types (the newsroom recipe's <c>Article.Section</c> and <c>Article.Authors</c>).
/// </summary>
public static class DeskTypes
{
    public const string Section = Core.Queries.PickerReferences.SectionType;
    public const string Author = Core.Queries.PickerReferences.AuthorType;
}
