#!/usr/bin/env python3
"""The import graph of src/, file by file, from the paths the code names (`crate::…`,
`super::…`, `report_gen::…`; comments and unit-test modules left out).

Fails (exit 1) when a module of the library imports from `cli`, or when the graph has a cycle;
prints the cycles. Usage: .ci/import_graph.py [SRC_DIR]
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "src"
mods = {}
for d, _, files in os.walk(root):
    for f in files:
        if f.endswith(".rs"):
            path = os.path.join(d, f)
            parts = os.path.relpath(path, root)[:-3].split("/")
            if parts[-1] == "mod":
                parts = parts[:-1]
            mods[tuple(parts)] = path


def resolve(path):
    """The module a path names: its longest prefix that is a file."""
    for n in range(len(path), 0, -1):
        if tuple(path[:n]) in mods:
            return tuple(path[:n])
    return None


edges = {m: set() for m in mods}
for m, path in mods.items():
    src = open(path, encoding="utf-8").read()
    src = re.sub(r"//[^\n]*", "", src)
    src = re.sub(r"#\[cfg\(test\)\]\s*mod tests \{.*", "", src, flags=re.S)
    for hit in re.finditer(r"\b(crate|super|report_gen)((?:::\w+)+)", src):
        kind, rest = hit.group(1), hit.group(2).split("::")[1:]
        if kind == "super":
            # `super` of a.rs and of a/mod.rs alike is the folder's parent module.
            rest = list(m[:-1]) + rest
        target = resolve(rest)
        if target and target != m:
            edges[m].add(target)

# Tarjan's strongly connected components.
sys.setrecursionlimit(10_000)
index, low, stack, on, cycles, counter = {}, {}, [], set(), [], [0]


def strong(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges[v]:
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            cycles.append(component)


for v in edges:
    if v not in index:
        strong(v)

in_cli = lambda m: m[0] in ("cli", "main")
into_cli = sorted("/".join(m) for m in mods if not in_cli(m) and any(t[0] == "cli" for t in edges[m]))
print(f"import graph: {len(mods)} files, {sum(map(len, edges.values()))} edges")
for m in into_cli:
    print(f"error: {m} imports from cli")
for c in cycles:
    print("error: an import cycle among: " + ", ".join("/".join(x) for x in reversed(c)))
if into_cli or cycles:
    sys.exit(1)
print("ok: no import cycles, and nothing outside cli imports from it")
