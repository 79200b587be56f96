using Microsoft.AspNetCore.Http.Metadata;
using Scrutiny.Silo.Returns;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// Marks a page that takes a returns file: it may receive a body as large as the returns API accepts
/// (<see cref="ReturnsOptions.MaxRequestBytes"/>, plus the form around the file), above the small default every other
/// request has. The limit is configuration, so <see cref="Limits"/> makes the endpoint metadata once options are known.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReturnsFileUploadAttribute : Attribute
{
    /// <summary>The antiforgery token, the dry-run box and the multipart boundaries and headers around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static object[] Limits(ReturnsOptions options) =>
    [
        new BodySizeLimit(options.MaxRequestBytes + FormOverheadBytes),
        new FormLimit(options.MaxRequestBytes + FormOverheadBytes),
    ];

    private sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    private sealed record FormLimit(long? MultipartBodyLengthLimit) : IFormOptionsMetadata
    {
        public bool? BufferBody => null;
        public int? MemoryBufferThreshold => null;
        public long? BufferBodyLengthLimit => null;
        public int? ValueCountLimit => null;
        public int? KeyLengthLimit => null;
        public int? ValueLengthLimit => null;
        public int? MultipartBoundaryLengthLimit => null;
        public int? MultipartHeadersCountLimit => null;
        public int? MultipartHeadersLengthLimit => null;
    }
}
