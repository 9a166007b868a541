# Sets print in CPython's hash-table order when every element's hash is
# known: ints, floats, tuples of them, objects with a Python __hash__.
print({(1, 2), (0, 0), (3, 4), (2, 1), (-1, 5)})
print({1.5, 0.25, 3.0, -2.5, 1e10, 7})
print({(i, i * i) for i in range(12)})
print({i / 3 for i in range(10)})
print(set([(0, 1), (1, 0), (1, 1), (0, 0)]), frozenset({(9, 9), (1, 1)}))
print({True, 2, 1.5, (1,), ()})
class P:
    def __init__(s, x, y): s.x, s.y = x, y
    def __hash__(s): return hash((s.x, s.y))
    def __eq__(s, o): return (s.x, s.y) == (o.x, o.y)
    def __repr__(s): return f"P{(s.x, s.y)}"
print({P(3, 4), P(1, 2), P(0, 0), P(5, 5)})
print({(P(1, 2), 1), (P(0, 0), 2)})
print(sorted({(1, 2), (0, 0)}), list({(5, 1), (1, 5)}))
print({"a", 1} == {1, "a"}, len({(1, 2), (1, 2.0)}))
v = [-1, -2, -3, 2**64, 2**61 - 1, 2**61]
print(set(v), {x for x in v})
s = set()
for x in v:
    s.add(x)
print(s)
