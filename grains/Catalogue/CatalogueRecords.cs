namespace Scrutiny.Grains.Catalogue;

/// <summary>An area with a GSS code, such as E08000003 Manchester, and its parent.</summary>
public sealed record Place(string Code, string Name, string Type, string? ParentCode);

/// <summary>A partner organisation: council, NHS trust, police force, DWP, a voluntary-sector body.</summary>
public sealed record Agency(string Code, string Name, string Sector);

/// <summary>A place's multi-agency partnership board and its member agencies.</summary>
public sealed record PartnershipBoard(string Id, string Name, string PlaceCode, IReadOnlyList<string> MemberAgencies);
