using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>
/// Reads a recipe from a stream token by token, and hands out whole values (a step, one content item) as
/// <see cref="JsonNode"/>s, so only the value being read is in memory, never the file. The buffer grows to the largest
/// single value and no further.
/// </summary>
internal sealed class RecipeJsonReader(Stream stream)
{
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>Property names are matched ignoring case, as Orchard Core does: its recipes write <c>"data"</c> where ours write <c>"Data"</c>.</summary>
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(Options);

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The current property name or string value.</summary>
    public string? Text { get; private set; }

    /// <summary>Moves to the next token; false at the end of the input.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryRead())
            {
                return true;
            }

            if (_final)
            {
                return false;
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reads the next value whole: the value of the property just read, or the next element of the array being read.
    /// Returns false (and moves past the array's end) when the array has no more elements.
    /// </summary>
    public async ValueTask<(bool Found, JsonNode? Value)> ReadValueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (TryReadValue(parse: true, out var value))
            {
                case ValueRead.Value:
                    return (true, value);
                case ValueRead.EndOfArray:
                    return (false, null);
            }

            await MoreAsync(cancellationToken);
        }
    }

    /// <summary>As <see cref="ReadValueAsync"/>, without building the value.</summary>
    public async ValueTask<bool> SkipValueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (TryReadValue(parse: false, out _))
            {
                case ValueRead.Value:
                    return true;
                case ValueRead.EndOfArray:
                    return false;
            }

            await MoreAsync(cancellationToken);
        }
    }

    private enum ValueRead
    {
        NeedMore,
        Value,
        EndOfArray,
    }

    private ValueRead TryReadValue(bool parse, out JsonNode? value)
    {
        value = null;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        if (!reader.Read())
        {
            return ValueRead.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.EndArray)
        {
            Advance(ref reader);
            TokenType = JsonTokenType.EndArray;
            Text = null;
            return ValueRead.EndOfArray;
        }

        var probe = reader;
        if (!probe.TrySkip())
        {
            return ValueRead.NeedMore;
        }

        if (parse)
        {
            value = JsonNode.Parse(ref reader, NodeOptions);
        }
        else
        {
            reader = probe;
        }

        Advance(ref reader);
        TokenType = reader.TokenType;
        Text = null;
        return ValueRead.Value;
    }

    private bool TryRead()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        if (!reader.Read())
        {
            return false;
        }

        TokenType = reader.TokenType;
        Text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
        Advance(ref reader);
        return true;
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private async ValueTask MoreAsync(CancellationToken cancellationToken)
    {
        if (_final)
        {
            // A complete input always yields a value or an error; this is a value cut off by the end of the file.
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: true, _state);
            while (reader.Read())
            {
            }

            throw new JsonException("The recipe ends in the middle of a value.", null, null, null);
        }

        await FillAsync(cancellationToken);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _final = read == 0;
    }
}
