#!/usr/bin/env python3
"""Inclusive and exclusive time per frame of a dotnet-trace speedscope file (dotnet-sampled-thread-time profile).

Usage: inclusive_frames.py TRACE.speedscope.json [REQUESTS] [--top N] [--match TEXT ...]

The sampled-thread-time profile samples every thread, idle or not. A moment counts as busy unless the thread is
parked (thread-pool semaphore, socket event loop wait, monitor/wait handle, timer thread). Inclusive time of a
frame is the busy time with that frame anywhere on the stack (counted once per moment even when recursive).
With REQUESTS (requests served while tracing) times are also given in microseconds per request.
"""
import json
import sys
from collections import defaultdict

IDLE = ("LowLevelLifoSemaphore", "WaitHandle.Wait", "Monitor.Wait", "WaitForSignal", "Thread.Sleep",
        "PortableThreadPool+GateThread", "TimerQueue.TimerThread", "SocketAsyncEngine.EventLoop",
        "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "LowLevelMonitor.Wait", "Interop+Sys.WaitForSocketEvents",
        "WaitSubsystem", "Thread.Join", "Task.SpinThenBlockingWait", "Console", "PipeStream")


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
    inclusive, exclusive = defaultdict(float), defaultdict(float)
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
                    exclusive[names[stack[-1]]] += dt
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

    show("inclusive", inclusive)
    show("exclusive", exclusive)


main()
