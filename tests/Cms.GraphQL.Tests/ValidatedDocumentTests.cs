using Cms.GraphQL.Execution;
using Xunit;

namespace Cms.GraphQL.Tests;

public sealed class ValidatedDocumentTests
{
    [Theory]
    [InlineData("query($n: Int) { article(first: $n) { contentItemId } }", true)]
    [InlineData("query($n: Int) { article(skip: $n) { contentItemId } }", true)]
    [InlineData("query($n: Int) { a { b(last: $n) { c } } }", true)]
    [InlineData("query($b: Boolean!) { article(first: 3) { contentItemId @include(if: $b) } }", true)]
    [InlineData("query($b: Boolean!) { ...f } fragment f on Query { article @skip(if: $b) { contentItemId } }", true)]
    [InlineData("query($s: ID!) { article(first: 20, where: { section: { contentItemId: $s } }) { contentItemId } }", false)]
    [InlineData("{ article(first: 20, skip: 5) { contentItemId } }", false)]
    public void The_measures_are_taken_again_only_when_a_variable_can_change_them(string query, bool usesVariables) =>
        Assert.Equal(usesVariables, ValidatedDocument.Of(GraphQLParser.Parser.Parse(query)).MeasureUsesVariables);

    [Theory]
    [InlineData("{ __schema { types { name } } }", true)]
    [InlineData("{ article { contentItemId } ...f } fragment f on Query { __type(name: \"Article\") { name } }", true)]
    [InlineData("{ article { __typename contentItemId } }", false)]
    public void A_document_reads_the_schema_through_schema_or_type_fields_anywhere(string query, bool readsSchema) =>
        Assert.Equal(readsSchema, ValidatedDocument.Of(GraphQLParser.Parser.Parse(query)).ReadsSchema);
}
