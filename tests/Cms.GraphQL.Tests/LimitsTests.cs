using System.Net;
using Cms.GraphQL.Http;
using Cms.GraphQL.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cms.GraphQL.Tests;

/// <summary>The configurable limits, on a Production host (<see cref="LimitsHost"/>: page size 10, skip 50, depth 4, complexity 300, 2,000 bytes, no introspection).</summary>
public sealed class LimitsTests(LimitsHost host) : IClassFixture<LimitsHost>
{
    [Fact]
    public async Task A_page_size_over_the_maximum_is_a_validation_error()
    {
        var over = await host.Client.PostAsync("{ section(first: 11) { contentItemId } }", accept: "application/graphql-response+json");
        var atLimit = await host.Client.PostAsync("{ section(first: 10) { contentItemId } }");
        var byDefault = await host.Client.PostAsync("{ section { contentItemId } }");

        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Contains(over.ErrorMessages, m => m.Contains("MaxPageSize", StringComparison.Ordinal));
        Assert.Equal(10, atLimit.List("section").Count);
        Assert.Equal(5, byDefault.List("section").Count);
    }

    [Fact]
    public async Task A_skip_over_the_maximum_is_a_validation_error_also_through_variables()
    {
        var literal = await host.Client.PostAsync("{ section(skip: 51) { contentItemId } }");
        var variable = await host.Client.PostAsync("query($s: Int) { section(skip: $s) { contentItemId } }", new { s = 51 });

        Assert.Contains(literal.ErrorMessages, m => m.Contains("MaxSkip", StringComparison.Ordinal));
        Assert.True(variable.HasErrors, variable.Text);
        Assert.False(variable.Body.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object && data.TryGetProperty("section", out var list) && list.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Limits_on_variables_still_apply_when_the_document_was_validated_before()
    {
        const string Query = "query($first: Int, $skip: Int) { section(first: $first, skip: $skip) { contentItemId } }";
        var valid = await host.Client.PostAsync(Query, new { first = 3, skip = 0 });
        var tooMany = await host.Client.PostAsync(Query, new { first = 11, skip = 0 });
        var tooFar = await host.Client.PostAsync(Query, new { first = 3, skip = 51 });
        var wrongType = await host.Client.PostAsync(Query, new { first = "three", skip = 0 });
        var validAgain = await host.Client.PostAsync(Query, new { first = 2, skip = 1 });

        Assert.False(valid.HasErrors, valid.Text);
        Assert.Equal(3, valid.List("section").Count);
        Assert.Contains(tooMany.ErrorMessages, m => m.Contains("MaxPageSize", StringComparison.Ordinal));
        Assert.Contains(tooFar.ErrorMessages, m => m.Contains("MaxSkip", StringComparison.Ordinal));
        Assert.True(wrongType.HasErrors, wrongType.Text);
        Assert.Equal(2, validAgain.List("section").Count);
    }

    [Fact]
    public async Task With_every_execution_slot_taken_and_the_queue_full_a_query_gets_503_and_cached_answers_still_flow()
    {
        const string Cached = "{ section(first: 1) { displayText } }";
        const string Fresh = "{ section(first: 2) { displayText } }";
        var warm = await host.Client.PostAsync(Cached);
        var gate = host.Factory.Services.GetRequiredService<ExecutionGate>();

        GraphQLResponse busy, cached;
        using (var slot = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.True(slot.IsAcquired);
            busy = await host.Client.PostAsync(Fresh);
            cached = await host.Client.PostAsync(Cached);
        }

        var after = await host.Client.PostAsync(Fresh);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Equal(["SERVER_BUSY"], busy.ErrorCodes);
        Assert.Equal("1", busy.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, cached.Status);
        Assert.Equal(warm.Text, cached.Text);
        Assert.False(after.HasErrors, after.Text);
        Assert.Equal(2, after.List("section", "displayText").Count);
    }

    [Fact]
    public async Task A_query_deeper_than_the_maximum_is_refused_before_it_runs()
    {
        await host.Client.PostAsync("{ section { contentItemId } }");
        host.Counter.Reset();
        var response = await host.Client.PostAsync("{ section { parent { contentItems { ... on Section { parent { contentItems { ... on Section { parent { contentItemIds } } } } } } } } }");

        Assert.True(response.HasErrors);
        Assert.Contains(response.ErrorMessages, m => m.Contains("depth", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, host.Counter.ContentCommands);
    }

    [Fact]
    public async Task A_query_more_complex_than_the_maximum_is_refused()
    {
        var aliases = string.Join(' ', Enumerable.Range(1, 15).Select(i => $"s{i}: section(first: 10, skip: {i}) {{ ...f }}"));
        var response = await host.Client.PostAsync($"{{ {aliases} }} fragment f on Section {{ contentItemId displayText description menuOrder parent {{ contentItemIds }} }}");
        var small = await host.Client.PostAsync("{ section(first: 10) { contentItemId displayText } }");

        Assert.True(response.HasErrors);
        Assert.Contains(response.ErrorMessages, m => m.Contains("complexity", StringComparison.OrdinalIgnoreCase));
        Assert.False(small.HasErrors, small.Text);
    }

    [Fact]
    public async Task Complexity_set_by_a_variable_is_measured_again_when_the_document_was_validated_before()
    {
        var aliases = string.Join(' ', Enumerable.Range(1, 15).Select(i => $"s{i}: section(first: $n) {{ ...f }}"));
        var query = $"query($n: Int) {{ {aliases} }} fragment f on Section {{ contentItemId displayText description menuOrder parent {{ contentItemIds }} }}";

        var small = await host.Client.PostAsync(query, new { n = 1 });
        var large = await host.Client.PostAsync(query, new { n = 10 });

        Assert.False(small.HasErrors, small.Text);
        Assert.Contains(large.ErrorMessages, m => m.Contains("complexity", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_a_long_GET_414()
    {
        var padding = new string(' ', 2100);
        var post = await host.Client.PostAsync("{ section { contentItemId }" + padding + "}");
        var get = await host.Client.GetAsync("{ section { contentItemId }" + new string('#', 2100) + "\n}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, post.Status);
        Assert.Equal(["REQUEST_TOO_LARGE"], post.ErrorCodes);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, get.Status);
    }

    [Fact]
    public async Task Introspection_can_be_switched_off()
    {
        var schema = await host.Client.PostAsync("{ __schema { types { name } } }");
        var type = await host.Client.PostAsync("{ __type(name: \"Section\") { name } }");

        Assert.True(schema.HasErrors);
        Assert.True(type.HasErrors);
        Assert.Contains(schema.ErrorMessages, m => m.Contains("introspection", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Outside_Development_errors_carry_no_exception_details()
    {
        var invalid = await host.Client.PostAsync("{ section { nope } }");
        var denied = await host.Client.PostAsync("{ section(status: DRAFT) { contentItemId } }");

        Assert.True(invalid.HasErrors);
        Assert.True(denied.HasErrors);
        foreach (var text in new[] { invalid.Text, denied.Text })
        {
            Assert.DoesNotContain("\"details\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" at Cms.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
    }
}
