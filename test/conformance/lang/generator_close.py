# Generators: send/throw/close, yield from delegation, finally blocks and
# context managers that run when a generator is closed early (the end of a
# for loop over a temporary generator, a consuming call), lazy generator
# expressions, return values (StopIteration.value) and PEP 479.
import itertools

def gen():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("gen finally")

for x in gen():
    print(x)
    if x == 2:
        break
print("after loop")

class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit", a[0])

def g2():
    with CM():
        yield "a"
        yield "b"

for v in g2():
    print(v)
    break
print("after g2")

g = gen()
print(next(g))
g.close()
print("closed")
print(next(g, "done"))

def g3():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 99
    yield 5

g = g3()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    next(g)
except StopIteration:
    print("stop")

def g4():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y + 1

g = g4()
print(next(g))
print(g.send(10))
try:
    g.send(5)
except StopIteration as e:
    print("ret", e.value, e.args)

def g5():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise

g = g5()
next(g)
g.close()

def g6():
    try:
        yield 1
    finally:
        yield 2

g = g6()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)

def g7():
    yield from gen()
    return "r"

for x in g7():
    print("g7", x)
    break
print("after g7")
g = gen()
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("unstarted throw", repr(e))
print(next(g, "exhausted"))
def counter():
    n = 0
    while True:
        n += 1
        yield n
print([x for x, _ in zip(counter(), range(3))])
print(list(gen()))
g = gen()
print(type(g).__name__, g.__name__)


def counter():
    n = 0
    try:
        while True:
            n += 1
            yield n
    finally:
        print("counter closed at", n)

# Lazy generator expressions: work stops as soon as the consumer does.
print(any(print("check", x) or x > 2 for x in range(10)))
print(next(x for x in counter() if x % 4 == 0))
print(list(itertools.islice(counter(), 3)))
sq = (x * x for x in range(4))
print(type(sq).__name__, sq.__name__, sq.__qualname__)
print(sum(sq), sum(sq))
try:
    (x for x in 5)
except TypeError as e:
    print(e)

for i, v in enumerate(counter()):
    if i == 2:
        break
print("after enumerate")

for a, b in zip(counter(), "xy"):
    print(a, b)
print("after zip")

def pipeline():
    yield from counter()

for v in pipeline():
    if v == 3:
        break
print("after pipeline")

def inner():
    got = yield "first"
    print("inner got", got)
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "last"

g = outer()
print(next(g))
print(g.send("hello"))
print(next(g, "end"))

def echo():
    while True:
        try:
            v = yield
            print("echo", v)
        except KeyError as e:
            print("handled", repr(e))

g = echo()
next(g)
g.send(1)
g.throw(KeyError("x"))
g.send(2)
g.close()
try:
    g.send(3)
except StopIteration as e:
    print("closed generator:", repr(e))

def bad():
    yield 1
    raise StopIteration("oops")

try:
    list(bad())
except RuntimeError as e:
    print(e, repr(e.__cause__))

g = echo()
try:
    g.send(5)
except TypeError as e:
    print(e)

class Tree:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for x in self.items:
            yield x * 10

print(list(Tree([1, 2, 3])))
print(repr(counter()).split(" at ")[0])

def during():
    try:
        raise ValueError("inside")
    except ValueError:
        yield "in handler"
        raise TypeError("after yield")

g = during()
print(next(g))
try:
    {}[1]
except KeyError:
    pass
try:
    next(g)
except TypeError as e:
    print(repr(e), repr(e.__context__))

held = counter()
for v in held:
    if v == 2:
        break
print("held not closed yet")
print(next(held))
held.close()
print("end")


def pending(name):
    try:
        yield "started " + name
    finally:
        print("closed at exit:", name)


late = pending("late")
print(next(late))
_early = pending("_early")
print(next(_early))
print("last statement")
