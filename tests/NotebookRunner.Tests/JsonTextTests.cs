using System.Text.Json.Nodes;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Tests;

/// <summary>The writer must produce what JavaScript's JSON.stringify(value, null, 1) produces, byte for byte.</summary>
public sealed class JsonTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("<b>&amp;</b> + 'x'", "\"<b>&amp;</b> + 'x'\"")]
    [InlineData("ü ✓ 😀", "\"ü ✓ 😀\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u001b\u0000\u007f", "\"\\u001b\\u0000\u007f\"")]
    public void Strings_are_escaped_as_JSON_stringify_does(string value, string expected)
    {
        var text = new System.Text.StringBuilder();
        JsonText.WriteString(text, value);
        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_in_lower_case_hex()
    {
        var text = new System.Text.StringBuilder();
        JsonText.WriteString(text, new string(['\ud800', 'x', '\udfff']));
        Assert.Equal("\"\\ud800x\\udfff\"", text.ToString());
    }

    [Fact]
    public void Layout_is_one_space_per_level_with_empty_containers_inline()
    {
        var node = JsonNode.Parse("""{"a":[1,{"b":[]}],"c":{},"d":null,"e":1.50}""");
        Assert.Equal("{\n \"a\": [\n  1,\n  {\n   \"b\": []\n  }\n ],\n \"c\": {},\n \"d\": null,\n \"e\": 1.50\n}\n", JsonText.Write(node, JsonStyle.VsCode));
    }
}
