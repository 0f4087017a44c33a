using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TaleForge.Server;

/// <summary>
/// A request the server will not serve, answered as OpenAI-compatible clients expect:
/// <c>{"error": {"message", "type", "code"}}</c> with the HTTP status that says why.
/// </summary>
internal sealed class ApiError(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;

    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "invalid_request_error", message);

    public async Task WriteAsync(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = Status;
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", Message);
        json.WriteString("type", Type);
        json.WriteNumber("code", Status);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
