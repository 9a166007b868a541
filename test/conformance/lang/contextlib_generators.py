# contextlib.contextmanager on generators (enter at the yield, the block's
# exception thrown in there, swallowed or converted), suppress, nullcontext.
from contextlib import contextmanager, suppress, nullcontext
import contextlib


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("inside", t)

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e, e.__context__)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    {}["x"]
print("after swallow")


@contextmanager
def convert():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("converted") from e


try:
    with convert():
        1 / 0
except ArithmeticError as e:
    print(repr(e), repr(e.__cause__))


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def never():
    if False:
        yield


try:
    with never():
        pass
except RuntimeError as e:
    print(e, e.__suppress_context__)

with suppress(FileNotFoundError, KeyError):
    {}["k"]
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed", e)
with nullcontext(5) as n:
    print(n)
with contextlib.nullcontext() as n:
    print(n)


@contextmanager
def timer(label):
    print("start", label)
    yield
    print("stop", label)


with timer("a"), timer("b"):
    print("work")


@contextmanager
def ignore_after():
    try:
        yield
    except Exception:
        print("ignored")
    print("cleanup after ignore")


for i in range(2):
    with ignore_after():
        if i == 1:
            raise TypeError
    print("loop", i)
print(type(tag("x")).__name__)
