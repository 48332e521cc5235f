#!/usr/bin/env python3
"""Inclusive and exclusive time per frame of a dotnet-trace speedscope file (dotnet-sampled-thread-time profile).

Usage: inclusive_frames.py TRACE.speedscope.json [REQUESTS] [--top N] [--match TEXT ...]

The sampled-thread-time profile samples every thread, idle or not. A moment counts as busy unless the thread is
parked (thread-pool semaphore, socket event loop wait, monitor/wait handle, timer thread, finalizer thread). Inclusive
time of a frame is the busy time with that frame anywhere on the stack (counted once per moment even when recursive).
With REQUESTS (requests served while tracing) times are also given in microseconds per request.
"""
import json
import sys
from collections import defaultdict

IDLE = ("LowLevelLifoSemaphore", "WaitHandle.Wait", "Monitor.Wait", "WaitForSignal", "Thread.Sleep",
        "PortableThreadPool+GateThread", "TimerQueue.TimerThread", "SocketAsyncEngine.EventLoop",
        "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "LowLevelMonitor.Wait", "Interop+Sys.WaitForSocketEvents",
        "WaitSubsystem", "Thread.Join", "Task.SpinThenBlockingWait", "Console", "PipeStream",
        "System.IO.FileSystem.Watcher",
        # The finalizer thread waits inside RunFinalizers, and the sampler shows that wait as running managed code. The
        # finalizers it runs are dropped with it: few here, as the server disposes its handles.
        "GC.RunFinalizers")


# Where a busy moment goes: the innermost frame that matches one of these (in this order of checking per frame).
CATEGORIES = [
    ("GC (allocation, suspension)", ("PollGC", "GC.", "GCHeap", "AllocateUninitializedArray")),
    ("lock contention", ("Monitor.Enter_Slowpath", "LowLevelSpinWaiter")),
    ("SQLite (native)", ("SQLitePCL", "Microsoft.Data.Sqlite")),
    ("Npgsql", ("Npgsql",)),
    ("EF Core", ("Microsoft.EntityFrameworkCore",)),
    ("DI (service resolution)", ("Microsoft.Extensions.DependencyInjection",)),
    ("GraphQL parse", ("GraphQLParser",)),
    ("GraphQL validation", ("GraphQL.Validation",)),
    ("GraphQL serialisation", ("GraphQL.SystemTextJson", "GraphQLSerializer")),
    ("our limits", ("Infrastructure.Http.Limits",)),
    ("our HTTP reader/writer", ("GraphQLRequestReader", "InputsReader", "MediaTypes", "TransportErrorWriter")),
    ("our batch loaders", ("Infrastructure.Loading", "DataLoaderExtensions")),
    ("auth (JWT, audience)", ("JwtBearer", "IdentityModel", "Access.Tokens", "AudienceResolver", "Authentication")),
    ("our resolvers and types", ("ProductQuality.Graph!",)),
    ("GraphQL execution", ("GraphQL!",)),
    ("System.Text.Json", ("System.Text.Json",)),
    ("plain twin (bench)", ("Bench.Plain",)),
    ("load client (bench, HttpClient)", ("Bench.Load", "System.Net.Http")),
    ("ASP.NET Core / Kestrel", ("Microsoft.AspNetCore",)),
]


def category(stack_names):
    for name in reversed(stack_names):
        for title, keys in CATEGORIES:
            if any(k in name for k in keys):
                return title
    return "other (runtime, thread pool, sockets)"


def main():
    args = sys.argv[1:]
    top, matches, rest = 40, [], []
    i = 0
    while i < len(args):
        if args[i] == "--top":
            top = int(args[i + 1]); i += 2
        elif args[i] == "--match":
            matches.append(args[i + 1]); i += 2
        else:
            rest.append(args[i]); i += 1
    path = rest[0]
    requests = float(rest[1]) if len(rest) > 1 else None
    data = json.load(open(path))
    names = [f["name"] for f in data["shared"]["frames"]]
    idle_frame = [any(m in n for m in IDLE) for n in names]
    inclusive, exclusive, by_category = defaultdict(float), defaultdict(float), defaultdict(float)
    busy = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for ev in profile.get("events", []):
            at = ev["at"]
            if last is not None and stack and at > last:
                dt = at - last
                if not any(idle_frame[f] for f in stack):
                    busy += dt
                    for name in {names[f] for f in stack}:
                        inclusive[name] += dt
                    # The leaf is a pseudo-frame (CPU_TIME, UNMANAGED_CODE_TIME): charge the method beneath it.
                    leaf = stack[-2] if len(stack) > 1 and names[stack[-1]].isupper() else stack[-1]
                    exclusive[names[leaf]] += dt
                    by_category[category([names[f] for f in stack])] += dt
            last = at
            if ev["type"] == "O":
                stack.append(ev["frame"])
            elif stack:
                stack.pop()
    unit = data["profiles"][0].get("unit", "milliseconds")
    print(f"busy time {busy:,.0f} {unit} over all threads")

    def show(title, table):
        print(f"\n{title}")
        rows = [(t, n) for n, t in table.items() if not matches or any(m in n for m in matches)]
        for t, n in sorted(rows, reverse=True)[:top]:
            per = f"{t * 1000 / requests:8.1f} us/req" if requests and unit == "milliseconds" else ""
            print(f"{100 * t / busy:6.1f}% {per}  {n[:150]}")

    show("by category (innermost matching frame)", by_category)
    show("inclusive", inclusive)
    show("exclusive", exclusive)


main()
