using System.Collections.Concurrent;
using System.Reflection;

namespace Scrutiny.Grains.Runtime;

/// <summary>
/// The reference a caller holds: implements the grain interface and turns each call into a turn on the activation.
/// Public only because <see cref="DispatchProxy"/> requires it.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private static readonly MethodInfo TypedCall =
        typeof(GrainProxy).GetMethod(nameof(CallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> TypedCalls = new();

    private GrainRuntime _runtime = null!;
    private Type _interface = null!;
    private string _key = null!;

    internal static TGrain Create<TGrain>(GrainRuntime runtime, string key) where TGrain : class, IGrain
    {
        var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
        var self = (GrainProxy)(object)proxy;
        (self._runtime, self._interface, self._key) = (runtime, typeof(TGrain), key);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.ReturnType == typeof(Task))
            return CallAsync<bool>(method, args, returnsValue: false);
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var typed = TypedCalls.GetOrAdd(method.ReturnType.GetGenericArguments()[0], t => TypedCall.MakeGenericMethod(t));
            return typed.Invoke(this, [method, args, true]);
        }
        throw new NotSupportedException($"{_interface.Name}.{method.Name} must return Task or Task<T>.");
    }

    private async Task<T> CallAsync<T>(MethodInfo method, object?[]? args, bool returnsValue) =>
        await _runtime.RunTurnAsync(_interface, _key, async grain =>
        {
            var task = (Task)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!;
            await task;
            return returnsValue ? ((Task<T>)task).Result : default!;
        });
}
