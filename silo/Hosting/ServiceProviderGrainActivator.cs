using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Silo.Hosting;

/// <summary>Creates grains from the DI container, so that grain classes take their services by constructor.</summary>
public sealed class ServiceProviderGrainActivator(IServiceProvider services, GrainRegistry registry) : IGrainActivator
{
    public Grain Create(Type grainInterface) =>
        (Grain)ActivatorUtilities.CreateInstance(services, registry.ClassFor(grainInterface));
}

/// <summary>Which grain class implements each grain interface.</summary>
public sealed class GrainRegistry
{
    private readonly Dictionary<Type, Type> _classes = [];

    public GrainRegistry Add<TInterface, TClass>() where TInterface : IGrain where TClass : Grain, TInterface
    {
        _classes[typeof(TInterface)] = typeof(TClass);
        return this;
    }

    public Type ClassFor(Type grainInterface) =>
        _classes.TryGetValue(grainInterface, out var type) ? type
            : throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}.");
}
