using System.Text.Json;
using System.Text.Json.Serialization;

namespace DynamoDbStorage.Paging;

/// <summary>Source-generated JSON metadata for the cursor's payload (the key attributes as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class PagingJsonContext : JsonSerializerContext;
