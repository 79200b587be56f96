namespace Scrutiny.Grains.Runtime;

/// <summary>Hands out references to grains; the activation behind a reference is created on first call.</summary>
public interface IGrainFactory
{
    TGrain Get<TGrain>(string key) where TGrain : class, IGrain;
}
