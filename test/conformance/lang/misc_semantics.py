a = b = c = [0]
a.append(1)
print(a, b is c, a == [0, 1])
nums = list(range(10))
nums[2:5] = ["x"]
del nums[0]
del nums[-2:]
nums[::2] = [None] * len(nums[::2])
print(nums)
class Box:
    def __init__(self):
        self.items = {"n": 1}
        self.count = 0
box = Box()
box.count += 5
box.items["n"] *= 10
box.items["m"] = box.items.get("m", 0) - 1
print(box.count, box.items)
del box.count
print(hasattr(box, "count"), hasattr(box, "items"))
for a, *rest in [(1, 2, 3), (4, 5)]:
    print(a, rest)
print(*[1, 2, 3], sep=", ")
print(*"abc")
print([0.1, 1e-05, 2.0, -0.0, 1e16], (0.5,), {"k": 1.5e-10})
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["b"] = 4
print(d, list(d.items()), "a" in d, 1 in d)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True), max(words, key=len), min([], default="empty"))
pairs = [(1, "b"), (0, "a"), (1, "a")]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), [x for row in [[1, 2], [3]] for x in row if x != 2])
print(divmod(-7.5, 2), pow(3, 4, 5), abs(True), round(-1234, -2), round(7, 0), 10 // 3 * 3 + 10 % 3)
print(2 ** 200 // 3 ** 50, -(2 ** 70) % 97, (10 ** 30 + 1) * (10 ** 30 - 1))
print(type(1) == int, type(1.0) is float, isinstance("s", (int, str)), type([]).__name__, type(print).__name__)
def outer():
    fs = []
    for i in range(3):
        def f(i=i):
            return i * 10
        fs.append(f)
    return [g() for g in fs]
print(outer())
i = 0
while True:
    i += 1
    try:
        if i == 2:
            continue
        if i == 4:
            break
    finally:
        print("finally", i)
else:
    print("not reached")
print("i =", i)
gen = (x * x for x in range(4))
print(next(gen), next(gen), list(gen))
it = iter("ab")
for ch in it:
    print(ch, end="")
print()
s = "spam"
s += "!"
s *= 2
print(s, s.count("!"), s[1:-1:2])
t = (1, 2)
t += (3,)
print(t, t[::-1], t[5:], len(t[1:]))
x = [1, 2, 3]
y = x
y += [4]
print(x, y is x)
z = (1, [2])
z[1].append(3)
print(z)
print(bool(None), bool(()), bool({}), bool(set()), bool(range(0)), bool(" "))
print(sum([0.1, 0.2, 0.3]), sum([1, 2.5]), max(1, 2.0), min(-0.0, 0))
print("%d%%" % 50, "%.1f" % 2.25, "%.1f" % 2.35, "%5.1e" % 12345.0, "%r" % "q", "%s" % None, "%i" % 3.9)
print(str(12345678912345678), 1.23456789e-8, 0.000123, 123456789012.0, 1.5e300 * 1.5e10)
