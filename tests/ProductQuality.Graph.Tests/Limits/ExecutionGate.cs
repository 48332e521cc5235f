using System.Collections.Concurrent;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// Holds the execution of operations of a chosen name until the test lets them go, so a test can keep a request
/// running for as long as it needs (to fill a department's places) without depending on how fast the machine is.
/// </summary>
public sealed class ExecutionGate
{
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>From now on, operations named <paramref name="operationName"/> wait until the hold is released.
    /// </summary>
    public Held Hold(string operationName) => _held[operationName] = new Held();

    internal Task PassAsync(string? operationName, CancellationToken aborted)
    {
        if (operationName is null || !_held.TryGetValue(operationName, out var held))
        {
            return Task.CompletedTask;
        }

        aborted.Register(() => held.Abandoned.TrySetResult());
        held.Entered.TrySetResult();
        return held.Released.Task;
    }

    /// <summary>Replaces the server's document executer with one that passes this gate first.</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDocumentExecuter));
        services.Remove(original);
        services.AddSingleton<ExecutionGate>();
        services.AddSingleton<IDocumentExecuter>(provider => new GatedExecuter(
            provider.GetRequiredService<ExecutionGate>(), Create(provider, original)));
    }

    private static IDocumentExecuter Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IDocumentExecuter)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    public sealed class Held
    {
        internal TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the first held operation has reached the gate (its request is executing).</summary>
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the server has learnt that a held operation's caller left.</summary>
        public TaskCompletionSource Abandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Released.TrySetResult();
    }

    private sealed class GatedExecuter(ExecutionGate gate, IDocumentExecuter inner) : IDocumentExecuter
    {
        public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options)
        {
            await gate.PassAsync(options.OperationName, options.CancellationToken);
            return await inner.ExecuteAsync(options);
        }
    }
}
