#!/usr/bin/env python3
"""Inclusive on-CPU time per request of frames in a `perf script` dump with call stacks.

    perf script -i graphql.perf.data -F comm,tid,ip,sym > graphql.stacks.txt
    python3 bench/profile/perf_stacks.py graphql.stacks.txt 1276 incl 'DocumentValidator' 'GraphQLSerializer'
    python3 bench/profile/perf_stacks.py graphql.stacks.txt 1276 within 'DocumentExecuter\\+<CoreExecuteAsync>'
    python3 bench/profile/perf_stacks.py graphql.stacks.txt 1276 callers 'IsInstanceOfClass' 3
    python3 bench/profile/perf_stacks.py graphql.stacks.txt 1276 top 40 'GraphQL|ProductQuality'

The second argument is the scenario's CPU µs per request from the bench: samples are shared out over it.
Managed frames chain through frame pointers; native SQLite is built without them, so its samples are cut off from
the managed frames above them (count SQLite with perf_diff.py --by dso instead).
  incl REGEX...        time of samples with any frame matching each regex
  within REGEX [N]     time under the outermost frame matching REGEX, split by the frame just below it
  callers REGEX DEPTH  samples whose innermost frame matches REGEX, by the DEPTH frames that called it
  top N [FILTER]       the N frames with the most inclusive time (optionally only those matching FILTER)
"""
import collections
import re
import sys


def samples(path):
    stack = []
    with open(path, errors='replace') as dump:
        for line in dump:
            if line.startswith(('\t', ' ')):
                frame = line.strip()
                space = frame.find(' ')
                stack.append(frame[space + 1:] if space > 0 else frame)
            else:
                if stack:
                    yield stack
                stack = []
    if stack:
        yield stack


def short(frame):
    frame = re.sub(r'\[(OptimizedTier1|Optimized|PreJIT|QuickJitted|OptimizedTier1OSR)\]', '', frame)
    method = re.search(r'\] ([^\s\[\]]+?::[^(\s]+)\(', frame)
    return method.group(1) if method else frame[:120]


def main():
    path, cpu_us, mode, rest = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4:]
    stacks = list(samples(path))
    per_sample = cpu_us / len(stacks)
    if mode == 'incl':
        for pattern in rest:
            regex = re.compile(pattern)
            count = sum(1 for stack in stacks if any(regex.search(frame) for frame in stack))
            print(f"{count * per_sample:8.1f}  {pattern}")
    elif mode == 'within':
        regex, split, total = re.compile(rest[0]), collections.Counter(), 0
        for stack in stacks:
            for i in range(len(stack) - 1, -1, -1):
                if regex.search(stack[i]):
                    total += 1
                    split[short(stack[i - 1]) if i > 0 else '(self)'] += 1
                    break
        print(f"{total * per_sample:8.1f}  total")
        for name, count in split.most_common(int(rest[1]) if len(rest) > 1 else 30):
            print(f"{count * per_sample:8.1f}  {name}")
    elif mode == 'callers':
        regex, depth, split = re.compile(rest[0]), int(rest[1]), collections.Counter()
        for stack in stacks:
            if regex.search(stack[0]):
                split[' <- '.join(short(frame) for frame in stack[1:1 + depth])] += 1
        for name, count in split.most_common(25):
            print(f"{count * per_sample:8.1f}  {name}")
    elif mode == 'top':
        shown, limit = 0, int(rest[0])
        only = re.compile(rest[1]) if len(rest) > 1 else None
        counts = collections.Counter()
        for stack in stacks:
            counts.update(set(short(frame) for frame in stack))
        for name, count in counts.most_common():
            if only and not only.search(name):
                continue
            print(f"{count * per_sample:8.1f}  {name}")
            shown += 1
            if shown >= limit:
                break
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
