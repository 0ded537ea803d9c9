using System.Text;

namespace Cms.Web.Tests.Support;

/// <summary>Copies what is written to the console while it is alive; the console keeps getting it too.</summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _copy = new(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);

    public ConsoleCapture()
    {
        Console.SetOut(TextWriter.Synchronized(new TeeWriter(_original, _copy)));
    }

    public string Text
    {
        get
        {
            lock (_copy)
            {
                return _copy.ToString();
            }
        }
    }

    public void Dispose()
    {
        Console.SetOut(_original);
        _copy.Dispose();
    }

    private sealed class TeeWriter(TextWriter first, StringWriter second) : TextWriter
    {
        public override Encoding Encoding => first.Encoding;

        public override void Write(char value)
        {
            first.Write(value);
            lock (second)
            {
                second.Write(value);
            }
        }

        public override void Write(string? value)
        {
            first.Write(value);
            lock (second)
            {
                second.Write(value);
            }
        }
    }
}
