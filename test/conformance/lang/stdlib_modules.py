import math
import random
import collections
from collections import OrderedDict, defaultdict, Counter, namedtuple
import itertools as it
from math import sqrt, pi as PI

print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.exp(1), math.log(100, 10), math.log(math.e), math.log2(8), math.log10(1000))
print(math.pi, PI, sqrt(2), math.sin(0), math.cos(0), math.tanh(0.5), math.isnan(float("nan")), math.isinf(math.inf), math.inf)
print(math.factorial(20), math.gcd(12, 18), math.fabs(-2), math.pow(2, 3), math.hypot(3, 4), math.isclose(0.1 + 0.2, 0.3), math.trunc(-3.7))
print(math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.comb(5, 2))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice(["a", "b", "c"]), random.uniform(1, 2))
items = list(range(10))
random.shuffle(items)
print(items, random.sample(range(100), 3), random.randrange(10), random.gauss(0, 1))
random.seed(0)
print([round(random.random(), 6) for _ in range(3)])

od = OrderedDict()
od["b"] = 1
od["a"] = 2
print(od, list(od.keys()), OrderedDict([("x", 1), ("y", 2)]), isinstance(od, dict))
od.move_to_end("b")
print(od)
dd = defaultdict(list)
dd["k"].append(1)
dd["k"].append(2)
dd["j"]
print(dd, dict(dd), dd["k"])
counts = defaultdict(int)
for w in "the cat the hat the".split():
    counts[w] += 1
print(dict(counts))
c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"])
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), tuple(p), p == Point(1, 2))
dq = collections.deque([1, 2, 3], maxlen=3)
dq.append(4)
dq.appendleft(0)
print(dq, dq.popleft(), len(dq))
print(list(it.product([1, 2], "ab")), list(it.combinations(range(4), 2)), list(it.permutations([1, 2, 3], 2))[:3])
print(list(it.chain([1], [2, 3])), list(it.islice(it.count(5), 3)), list(it.accumulate([1, 2, 3])), list(it.zip_longest("ab", "x", fillvalue="-")))
from collections import Counter
print(Counter("mississippi"), Counter(), Counter([3, 1, 3, 2, 1, 3]))
