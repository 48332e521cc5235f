#!/usr/bin/env python3
"""On-CPU time per request of two `perf record` profiles, side by side, by shared library or by symbol.

    python3 bench/profile/perf_diff.py plain.perf.data 1041 graphql.perf.data 1276 [--by dso|dso,sym] [--top N]

Each profile's samples are shared out over the CPU µs per request the bench measured for that scenario (its
`CPU µs/req` column), so the columns read as µs per request and the last as B − A. `perf report` needs the JIT's
symbol maps: run the bench with DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0 (see bench/README.md).
"""
import argparse
import collections
import re
import subprocess


def load(path, cpu_us, key):
    out = subprocess.run(['perf', 'report', '-i', path, '--no-children', '--sort', key, '--stdio', '-g', 'none', '-n'],
                         capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for line in out.splitlines():
        match = re.match(r'\s*[\d.]+%\s+(\d+)\s+(.*)$', line)
        if line.startswith('#') or not match:
            continue
        # One JIT map per thread id: the same method under different threads is one row.
        name = re.sub(r'\s+', ' ', re.sub(r'\[JIT\] tid \d+', '[JIT]', match.group(2))).strip()
        counts[name] += int(match.group(1))
    total = sum(counts.values())
    return {name: n / total * cpu_us for name, n in counts.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('a')
    parser.add_argument('a_cpu', type=float)
    parser.add_argument('b')
    parser.add_argument('b_cpu', type=float)
    parser.add_argument('--by', default='dso,sym')
    parser.add_argument('--top', type=int, default=40)
    args = parser.parse_args()
    a, b = load(args.a, args.a_cpu, args.by), load(args.b, args.b_cpu, args.by)
    rows = sorted(set(a) | set(b), key=lambda k: -(b.get(k, 0) - a.get(k, 0)))
    print(f"{'A':>8} {'B':>8} {'B-A':>8}  (µs per request)")
    for name in rows[:args.top] + (['...'] + rows[-10:] if len(rows) > args.top else []):
        if name == '...':
            print('...')
            continue
        print(f"{a.get(name, 0):8.1f} {b.get(name, 0):8.1f} {b.get(name, 0) - a.get(name, 0):8.1f}  {name[:180]}")


if __name__ == '__main__':
    main()
