namespace Scrutiny.Dashboard.PageCache;

/// <summary>
/// Marks a public page that every reader not signed in sees alike, so that this node may keep its rendering and serve it
/// again while nothing it shows may have changed (<see cref="KeptPages"/>). Only for pages without forms that post: an
/// antiforgery token is its reader's own.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KeptForThePublicAttribute : Attribute;
