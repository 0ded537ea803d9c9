using System.Text.Json.Nodes;
using Cms.Core.Fields;
using Cms.Core.Queries;
using Xunit;

namespace Cms.Core.Tests.Fields;

/// <summary>What each built-in kind tells the front ends about itself: how it is queried and which editor it gets.</summary>
public sealed class FieldKindDescriptionTests
{
    public static TheoryData<IContentFieldKind, FilterOperator[], bool> Kinds => new()
    {
        { new TextFieldKind(), [FilterOperator.Equal, FilterOperator.In, FilterOperator.Contains, FilterOperator.StartsWith, FilterOperator.EndsWith], true },
        { new TagsFieldKind(), [FilterOperator.Equal, FilterOperator.In, FilterOperator.Contains, FilterOperator.StartsWith, FilterOperator.EndsWith], false },
        { new NumericFieldKind(), [FilterOperator.Equal, FilterOperator.In, FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual], true },
        { new DateTimeFieldKind(), [FilterOperator.Equal, FilterOperator.In, FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual], true },
        { new BooleanFieldKind(), [FilterOperator.Equal], true },
        { new ContentPickerFieldKind(), [FilterOperator.Equal, FilterOperator.In], false },
        { new HtmlFieldKind(), [], false },
        { new LinkFieldKind(), [], false },
        { new MediaFieldKind(), [], false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_declares_its_operators_and_whether_it_sorts(IContentFieldKind kind, FilterOperator[] operators, bool sortable)
    {
        Assert.Equal(operators, kind.Query.Operators);
        Assert.Equal(sortable, kind.Query.Sortable);
        Assert.Equal(operators.Length > 0, kind.Query.Filterable);
        Assert.Equal(kind.Query.Filterable, kind.IndexKind != FieldIndexKind.None);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_editor_template_of_a_built_in_kind_is_its_name(IContentFieldKind kind, FilterOperator[] operators, bool sortable)
    {
        _ = (operators, sortable);
        Assert.Equal(kind.Name, kind.EditorTemplate);
    }

    [Fact]
    public void A_kind_may_name_its_own_editor_and_is_not_queryable_unless_it_says_so()
    {
        IContentFieldKind kind = new StarsKind();

        Assert.Equal("Stars", kind.EditorTemplate);
        Assert.Same(FieldQuery.None, kind.Query);
    }

    /// <summary>A kind that names its own editor and says nothing about queries.</summary>
    private sealed class StarsKind : IContentFieldKind
    {
        public string Name => "RatingField";

        public FieldIndexKind IndexKind => FieldIndexKind.None;

        public string EditorTemplate => "Stars";

        public void Normalize(JsonObject value, FieldContext context)
        {
        }

        public IEnumerable<FieldIndexEntry> Index(JsonObject value, string partName, string fieldName) => [];
    }
}
