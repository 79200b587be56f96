namespace Scrutiny.Grains.Runtime;

/// <summary>Creates grain instances for an interface. The host supplies one backed by its DI container.</summary>
public interface IGrainActivator
{
    Grain Create(Type grainInterface);
}
