#!/usr/bin/env python3
"""Prints, for one project, each namespace and the namespaces of the project it uses, then the cycles between them.

A namespace uses another when one of its files imports it (a using directive, which extension methods need) or
names a type declared there (global usings hide the using lines, so the names count too). Usage: eng/namespace-cycles.py [Cart.Api] [--why]; exits 1 when there is a cycle.
"""
import pathlib
import re
import sys

why = "--why" in sys.argv  # also name the types behind each arrow
args = [a for a in sys.argv[1:] if a != "--why"]
root = pathlib.Path(args[0] if args else "Cart.Api")
files = [f for f in root.rglob("*.cs") if not {"bin", "obj"} & set(f.parts)]
# Top-level types only (file-scoped namespaces: they start at column 0); nested ones are named through their outer type.
declaration = re.compile(
    r"^(?:(?:internal|public|file|static|sealed|abstract|partial|readonly)\s+)*(?:class|record struct|record|struct|interface|enum|delegate\s+[\w<>?,\s]+?)\s+([A-Z]\w*)",
    re.M)
# Comments, strings, using directives and names qualified by another library's root namespace name no type here.
strip = re.compile(
    r'//[^\n]*|/\*.*?\*/|@"(?:[^"]|"")*"|"(?:\\.|[^"\\\n])*"|^\s*(?:global\s+)?using\s+[\w.=\s]+;|\b(?:Microsoft|System|Amazon)(?:\.\w+)+',
    re.S | re.M)

namespace_of, types_of = {}, {}
for f in files:
    text = strip.sub(" ", f.read_text(encoding="utf-8"))
    match = re.search(r"^namespace\s+([\w.]+)\s*;", text, re.M)
    namespace_of[f] = match.group(1) if match else "(global)"
    for name in declaration.findall(text):
        types_of.setdefault(name, set()).add(namespace_of[f])

uses = {namespace: set() for namespace in namespace_of.values()}
because = {}
for f, namespace in namespace_of.items():
    source = f.read_text(encoding="utf-8")
    for imported in re.findall(r"^using\s+([\w.]+)\s*;", source, re.M):
        if imported in uses and imported != namespace:
            uses[namespace].add(imported)
            because.setdefault((namespace, imported), set()).add(f"{f.name}:using")
    # A constant's or read-only field's own name may be a type's name too (TransactionKinds.Deposit, LedgerExamples.Pay).
    text = re.sub(r"\b((?:const|readonly)\s+[\w.<>?\[\]]+\s+)\w+", r"\1", strip.sub(" ", source))
    # A name called like a method (Name( not after new) is a method, even when a type shares its name; a name after a dot
    # is a member (Channels.CartInvalidations), not a type of this project (nested types are named through their outer type).
    for word in {m.group(1) for m in re.finditer(r"(?<!\bnew )(?<!\.)\b([A-Z]\w*)\b(?!\s*\()", text)}:
        for declared in types_of.get(word, ()):
            if declared != namespace and declared != "(global)":
                uses[namespace].add(declared)
                because.setdefault((namespace, declared), set()).add(f"{f.name}:{word}")

for namespace in sorted(uses):
    print(f"{namespace} → {', '.join(sorted(uses[namespace])) or '(none)'}")
    for used in sorted(uses[namespace]) if why else ():
        print(f"    {used}: {' '.join(sorted(because[(namespace, used)]))}")

# Cycles: the strongly connected components with more than one namespace, and each pair that uses the other.
index, low, stack, on_stack, components = {}, {}, [], set(), []


def connect(node):
    index[node] = low[node] = len(index)
    stack.append(node)
    on_stack.add(node)
    for other in uses[node]:
        if other not in index:
            connect(other)
            low[node] = min(low[node], low[other])
        elif other in on_stack:
            low[node] = min(low[node], index[other])
    if low[node] == index[node]:
        component = []
        while True:
            member = stack.pop()
            on_stack.discard(member)
            component.append(member)
            if member == node:
                break
        if len(component) > 1:
            components.append(sorted(component))


for namespace in sorted(uses):
    if namespace not in index:
        connect(namespace)

pairs = sorted({tuple(sorted((a, b))) for a in uses for b in uses[a] if a in uses.get(b, ())})
print()
print(f"{len(pairs)} namespace pair(s) that use each other:")
for a, b in pairs:
    print(f"  {a} ↔ {b}")
print(f"{len(components)} cycle(s) (groups of namespaces that reach each other):")
for component in components:
    print("  " + " → ".join(component))
sys.exit(1 if components else 0)
