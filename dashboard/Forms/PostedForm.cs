namespace Scrutiny.Dashboard.Forms;

/// <summary>A posted form read before a page or endpoint handles it, telling a body that is no form from one that is.</summary>
public static class PostedForm
{
    /// <summary>
    /// The request's form (empty when the body is not a form), or null when the body says it is a form and cannot be read
    /// as one: a multipart body without its boundary or cut short, a NUL in a value. That is the sender's mistake, to be
    /// answered 400, not a 500 from the exception <c>ReadFormAsync</c> throws.
    /// </summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return FormCollection.Empty;
        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }
}
