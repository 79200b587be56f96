using Microsoft.AspNetCore.Http;

namespace Scrutiny.Dashboard.Components.Govuk;

/// <summary>The GOV.UK Design System's file upload error messages, the same on every form that takes a CSV file.</summary>
public static class FileUploadErrors
{
    /// <summary>What is wrong with the posted file, or null when there is one, not empty and within <paramref name="maxBytes"/>.</summary>
    /// <param name="limit">The limit as the person reads it: "512 KB", "10 MB".</param>
    public static string? Of(IFormFile? file, long maxBytes, string limit) =>
        file is null ? "Select a CSV file"
        : file.Length == 0 ? "The selected file is empty"
        : file.Length > maxBytes ? $"The selected file must be smaller than {limit}"
        : null;
}
