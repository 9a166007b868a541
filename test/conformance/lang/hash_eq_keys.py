# Dict and set keys that hash by a class's own __hash__ and compare by its
# __eq__ (called, as in CPython, only for keys of equal hash), hash() values
# of numbers and tuples, and the errors of unhashable keys.
from collections import Counter, defaultdict


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        print("  eq", self, other)
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


d = {Point(1, 2): "a", Point(3, 4): "b"}
print(d[Point(1, 2)])
print(Point(3, 4) in d, Point(4, 3) in d)
d[Point(1, 2)] = "A"
print(d)
print(d.get(Point(3, 4)), d.get(Point(9, 9), "none"))
print(d.setdefault(Point(5, 6), "c"), len(d))
print(d.pop(Point(3, 4)), d)
del d[Point(5, 6)]
print(d)

s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s))
s.add(Point(2, 1))
s.discard(Point(1, 2))
print(s)
print(len(set([Point(0, 0), Point(0, 0)])), len(frozenset([Point(7, 7)] * 3)))
print({p: p.x for p in [Point(1, 1), Point(1, 1)]})
print(len({Point(i % 2, 0) for i in range(4)}))
print(dict([(Point(1, 1), 1), (Point(1, 1), 2)]))
print({(Point(1, 2), "tag"): 1}[(Point(1, 2), "tag")])


class Named(Point):
    pass


print(Named(1, 2) == Point(1, 2), hash(Named(1, 2)) == hash(Point(1, 2)))
print({Named(1, 2): "named"}[Point(1, 2)])


class Loud:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        print("  hash", self.k)
        return self.k % 3

    def __eq__(self, other):
        print("  eq", self.k, other.k)
        return self.k == other.k


table = {}
for k in [1, 4, 7, 1]:
    table[Loud(k)] = k
print(sorted(v for v in table.values()))
print(Loud(4) in table, Loud(10) in table)

c = Counter([Point(1, 1), Point(2, 2), Point(1, 1)])
print(c[Point(1, 1)], c[Point(3, 3)])
g = defaultdict(list)
g[Point(0, 1)].append(1)
g[Point(0, 1)].append(2)
print(dict(g))

print(hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**64)))
print(hash(1.0), hash(1.5), hash(-2.5), hash(0.1), hash(1e100), hash(-1e-300))
print(hash(float("inf")), hash(float("-inf")), hash(True), hash(False))
print(hash(()), hash((1,)), hash((1, 2)), hash((1.5, -1, (2, 3))), hash((True, 0)))
print(hash(Point(1, 2)) == hash((1, 2)), hash(1) == hash(1.0) == hash(True))


class Big:
    def __hash__(self):
        return 2**70 + 5


class Minus:
    def __hash__(self):
        return -1


print(hash(Big()), hash(Minus()))


class BadHash:
    def __hash__(self):
        return "seven"


class OnlyEq:
    def __eq__(self, other):
        return True


for make in (BadHash, OnlyEq):
    try:
        {make(): 1}
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash(BadHash())
except TypeError as e:
    print(e)
try:
    {[1]: 2}
except TypeError as e:
    print(e)
try:
    {(1, [2]): 3}
except TypeError as e:
    print(e)
print(OnlyEq.__hash__)
