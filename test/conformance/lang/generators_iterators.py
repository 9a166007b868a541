def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for x in gen():
    print(x)
def boom():
    yield 1
    raise ValueError("in gen")
try:
    for v in boom():
        print("got", v)
except ValueError as e:
    print("caught", e)
def nested():
    for i in range(3):
        yield from (j * i for j in range(2))
print(list(nested()))
g = (i for i in range(3))
print(sum(g), sum(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
import itertools
print(list(itertools.islice(fib(), 5, 8)))
def counter():
    n = 0
    while n < 3:
        n += 1
        yield n
    return "done"
c = counter()
print(list(c), list(c))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), [x for x in Countdown(2)], sum(Countdown(4)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
    def __len__(self):
        return 3
print(list(Seq()), 20 in Seq(), list(reversed(Seq())) if hasattr(Seq, "__reversed__") else "no rev")
print(type(gen()).__name__, type(iter([])).__name__ if False else "skip")
