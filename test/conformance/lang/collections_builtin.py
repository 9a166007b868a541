a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5)
a.extend([3, 5])
a.insert(0, 0)
print(a, len(a), a.count(5), a.index(4))
a.remove(1)
print(a.pop(), a.pop(0), a)
a.sort()
print(a, sorted(a, reverse=True), sorted(["bb", "a", "ccc"], key=len), a[::-1][:3])
a.reverse()
print(a, min(a), max(a), sum(a), 4 in a, 7 not in a)
b = a.copy()
b[0] = 100
b[1:3] = [7, 8, 9]
del b[-1]
print(b, a[:2], [1, 2] + [3], [0] * 3, [[0] * 2] * 2)
t = (1, "two", 3.0)
print(t, t[1], t[-1], len(t), t + (4,), t * 2, (1,), (), t.index("two"), t.count(1))
x, y, z = t
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
p, (q, r) = 1, (2, 3)
print(x, y, z, first, rest, init, last, p, q, r)
x, y = y, x
print(x, y)
d = {"a": 1, "b": 2}
d["c"] = 3
d.update({"d": 4}, e=5)
print(d, d["a"], d.get("z"), d.get("z", 0), len(d), "a" in d, list(d), list(d.keys()), list(d.values()))
print(d.pop("a"), d.setdefault("f", 6), d.setdefault("b", 99), d)
for k, v in d.items():
    print(k, v, end=" ")
print()
del d["b"]
print(d, dict(zip("xyz", range(3))), dict(a=1), dict([("k", "v")]), {**d, "g": 7}, {1: "int", 1.0: "float"})
s = {1, 2, 3}
s.add(4)
s.discard(1)
print(s, len(s), 2 in s, s | {5}, s & {2, 3, 9}, s - {2}, set(), {1, 2} == {2, 1}, {1} < {1, 2})
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), range(3), len(range(0, 10, 3)), 5 in range(10))
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a"])))
print(any([0, 0, 1]), all([1, 2, 0]), any([]), all([]), list(reversed([1, 2, 3])), sorted({3: "a", 1: "b"}))
nested = [[1, 2], [3, 4]]
print(nested[1][0], [row[0] for row in nested], sum(nested, []), len(nested[0]))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, [i * j for i in range(3) for j in range(3) if i != j], {i: i * i for i in range(4)}, {c for c in "aab"} == {"a", "b"})
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
print(list(zip(*[(1, "a"), (2, "b")])), max([(1, "b"), (1, "a")]), sorted([(2, 1), (1, 2), (1, 1)]))
print([1, 2] < [1, 3], (1, 2) == (1, 2), [1, [2]] == [1, [2]], [] == [], [1] != [1])
print(a.clear(), a, [].__len__() if False else 0)
