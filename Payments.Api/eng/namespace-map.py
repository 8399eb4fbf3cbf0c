#!/usr/bin/env python3
"""Prints `namespace -> namespaces it uses` for one C# project, and its namespace cycles.

"Uses" means a file of the namespace names a type declared in another namespace of the project (global usings
make `using` lines say nothing). Comments and string literals are ignored. Exit code 1 when there is a cycle.

    python3 Payments.Api/eng/namespace-map.py Payments.Api
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1])
files = [p for p in root.rglob("*.cs") if not {"bin", "obj"} & set(p.parts)]

DECLARATION = re.compile(r"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?([A-Z]\w*)")
EXTENSION = re.compile(r"\bstatic\s+[\w<>\[\],?. ]+?\s([A-Z]\w*)\s*(?:<[^>]*>)?\(\s*this\b")
NAMESPACE = re.compile(r"^namespace\s+([\w.]+)\s*;", re.M)


def code_of(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'\$?@?"(?:[^"\\\n]|\\.)*"', '""', text)
    return text


sources = {}
declared = {}  # type name -> namespace
extensions = {}  # extension method name -> namespace (app.MapPaymentsApi() uses Payments.Api.Apis)
for path in files:
    code = code_of(path.read_text(encoding="utf-8"))
    match = NAMESPACE.search(code)
    namespace = match.group(1) if match else "(global)"
    sources[path] = (namespace, code)
    for name in DECLARATION.findall(code):
        # Nested types share their file's namespace; a name declared twice keeps its first namespace.
        declared.setdefault(name, namespace)
    for name in EXTENSION.findall(code):
        extensions.setdefault(name, namespace)

uses = {namespace: set() for namespace, _ in sources.values()}
for namespace, code in sources.values():
    # A member access (".Deposit"), a method ("Refund(") or a member being declared ("Deposit = ") is not a type,
    # unless constructed ("new Refund(").
    for word in set(re.findall(r"(?<![.\w])(?:(?<=new )[A-Z]\w*|[A-Z]\w*(?!\w|\s*\(|\s*=[^=>]))", code)):
        other = declared.get(word)
        if other and other != namespace:
            uses[namespace].add(other)
    for word in set(re.findall(r"\.([A-Z]\w*)\s*(?:<[^>]*>)?\(", code)):
        other = extensions.get(word)
        if other and other != namespace:
            uses[namespace].add(other)

for namespace in sorted(uses):
    print(f"{namespace} -> {', '.join(sorted(uses[namespace])) or '(none)'}")

# Cycles: strongly connected components of more than one namespace (Tarjan).
index, low, stack, on_stack, components = {}, {}, [], set(), []


def connect(node):
    index[node] = low[node] = len(index)
    stack.append(node)
    on_stack.add(node)
    for target in uses.get(node, ()):
        if target not in index:
            connect(target)
            low[node] = min(low[node], low[target])
        elif target in on_stack:
            low[node] = min(low[node], index[target])
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


sys.setrecursionlimit(10000)
for namespace in sorted(uses):
    if namespace not in index:
        connect(namespace)

print(f"\n{len(components)} namespace cycle(s)")
for component in components:
    print("  cycle: " + " <-> ".join(component))
sys.exit(1 if components else 0)
