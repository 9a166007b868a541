# Sets print in CPython's hash-table order when every element's hash is known
# (ints, floats, tuples of them, objects with a Python __hash__): the table
# is replayed operation by operation (engine/python/runtime/set-table.ts).
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

# Displays of constants (folded to a frozenset by the compiler), set
# algebra, copies, removals (dummy slots) and updates, slot for slot.
print({-1, -2, -3, 2**64, 2**61 - 1, 2**61})
print({10, 20, 30, 40, 50}, {1, 2, 3}, {7, 15, 23, 31}, {8, 16, 24, 32, 40, 48, 56})
a = {10, 20, 30, 40, 50, 60, 70, 80}
b = {30, 5, 80, 95}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([3, 99]), a.intersection(b), a.difference(b), a.copy(), set(a), frozenset(b))
c = set(range(0, 100, 7))
c.discard(14); c.add(200); c.remove(0); c.add(14)
print(c)
d = {k: 1 for k in [40, 8, 16, 24]}
print(set(d), set(d.keys()), set({(1, 2): 0, (3, 4): 1}))
e = {1.5, 2.5, 3.5, 0.25, 100.0, -7.5}
e.update({11, 22}, [33, 44])
print(e, {x % 5 for x in range(20)}, {(i, -i) for i in range(6)})
s = set()
for i in range(40):
    s.add(i * 37 % 101)
for i in range(0, 40, 3):
    s.discard(i * 37 % 101)
print(s)
print(a - {10}, {1, 2, 3, 4, 5, 6, 7, 8, 9} - {1})
