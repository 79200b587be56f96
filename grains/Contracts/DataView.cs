namespace Scrutiny.Grains.Contracts;

/// <summary>
/// Which of an indicator's values a reader may see. Every read of values names one, so that no page or answer can
/// show unpublished figures by forgetting to ask.
/// </summary>
[GenerateSerializer]
public enum DataView
{
    /// <summary>Published values only, with statistics computed from them alone: the public's view.</summary>
    Published,

    /// <summary>Every accepted value, published or not: administrators' and the place's board members' view.</summary>
    All,
}
