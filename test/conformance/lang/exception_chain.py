# Exception chaining: __cause__ (raise ... from ...), __context__ (raised
# while handling another), __suppress_context__ (from None), and the chained
# traceback printed for the uncaught error at the end.


def show(e):
    cause = e.__cause__
    ctx = e.__context__
    print(type(e).__name__, repr(cause), repr(ctx), e.__suppress_context__)


def explicit():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad key") from e


try:
    explicit()
except ValueError as e:
    show(e)
    print(e.__cause__ is e.__context__)

try:
    try:
        [][3]
    except IndexError:
        raise TypeError("while handling")
except TypeError as e:
    show(e)

try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    show(e)

try:
    raise KeyError("a") from ValueError
except KeyError as e:
    show(e)

try:
    try:
        1 / 0
    finally:
        print("finally runs")
        raise OSError("in finally")
except OSError as e:
    show(e)


class Closer:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__ if t else None)
        raise AttributeError("from __exit__")


try:
    with Closer():
        raise LookupError("body")
except AttributeError as e:
    show(e)

# A bare raise re-raises the same object: no context is added.
try:
    try:
        raise NameError("n")
    except NameError:
        raise
except NameError as e:
    show(e)

# Raising the handled exception again does not make it its own context.
try:
    try:
        raise ValueError("v")
    except ValueError as v:
        raise v
except ValueError as e:
    show(e)

# A cycle through the context chain is cut.
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            raise a
except ValueError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))

# Assigning __cause__ suppresses the context too.
e = ValueError(1)
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError(2)
print(repr(e.__cause__), e.__suppress_context__)
e.__cause__ = None
e.__suppress_context__ = False
e.__context__ = IndexError(3)
show(e)
try:
    e.__cause__ = 5
except TypeError as err:
    print(err)
try:
    raise ValueError from 3
except TypeError as err:
    print(err)


def level1():
    try:
        return 1 / 0
    except ZeroDivisionError as z:
        raise ArithmeticError("level one") from z


def level2():
    try:
        level1()
    except ArithmeticError:
        data = {"k": 1}
        return data["q"]


level2()
