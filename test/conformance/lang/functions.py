def add(a, b=10, *args, scale=1, **kwargs):
    return (a + b + sum(args)) * scale, kwargs

print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, scale=2), add(1, 2, x=5), add(b=3, a=4))
args = (1, 2, 3)
kw = {"scale": 3, "extra": True}
print(add(*args, **kw), add(*[5], *[6]))

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
print(c(), c(), c(5))

total = 0
def bump():
    global total
    total += 1
bump()
bump()
print(total)

square = lambda x: x * x
print(square(4), (lambda *a: len(a))(1, 2, 3), sorted([3, -1, 2], key=lambda v: abs(v)))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(12)])

def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper

def repeat(times):
    def outer(fn):
        def inner(*a):
            return [fn(*a) for _ in range(times)]
        return inner
    return outer

@deco
def hello(name):
    return "hi " + name

@repeat(3)
def one():
    return 1

print(hello("bob"), one())

def gen(n):
    for i in range(n):
        if i == 3:
            return
        yield i * i
    yield -1

print(list(gen(10)), list(gen(2)), sum(x for x in range(5)), max(len(w) for w in ["a", "abc"]))

def countdown(n):
    while n > 0:
        yield n
        n -= 1
g = countdown(3)
print(next(g), next(g), list(g), list(g))

def delegator():
    yield from [1, 2]
    yield from countdown(2)
print(list(delegator()))

def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(1, c=4, b=5))

def defaults(x, items=[]):
    items.append(x)
    return items
print(defaults(1), defaults(2))

def docs():
    """A docstring."""
    return docs.__doc__
print(docs(), add.__name__, callable(add), callable(3))

funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
