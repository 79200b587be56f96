namespace Scrutiny.Silo.Api.Places;

/// <summary>A place as an administrator sends it; every field may be missing so that each can be named.</summary>
/// <param name="Parent">The GSS code of the place it lies in (England's has none).</param>
public sealed record PlaceBody(string? Code, string? Name, string? Type, string? Parent);

/// <summary>A partnership board as an administrator sends it: its name and its place. Members join through their agency.</summary>
public sealed record BoardBody(string? Id, string? Name, string? Place);
