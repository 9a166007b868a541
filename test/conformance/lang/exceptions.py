def risky(k):
    if k == 0:
        raise ValueError("zero!")
    if k == 1:
        raise KeyError("missing")
    if k == 2:
        return 1 / 0
    if k == 3:
        return [][1]
    if k == 4:
        return {}["nope"]
    if k == 5:
        return int("abc")
    if k == 6:
        return undefined_name
    if k == 7:
        return "a" + 1
    if k == 8:
        return None.foo
    return "ok"

for k in range(10):
    try:
        print(k, risky(k))
    except (ValueError, KeyError) as e:
        print(k, "value/key", type(e).__name__, e, repr(e), e.args)
    except ArithmeticError as e:
        print(k, "arith", e)
    except LookupError as e:
        print(k, "lookup", type(e).__name__, e)
    except Exception as e:
        print(k, "other", type(e).__name__, e)
    else:
        print(k, "no error")
    finally:
        print(k, "finally")

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise MyError(42)
except MyError as e:
    print(e, e.code, isinstance(e, Exception), e.args)

class Plain(RuntimeError):
    pass
try:
    raise Plain
except RuntimeError as e:
    print("plain", repr(e), str(e) == "")

try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise TypeError("outer") from e
except TypeError as e:
    print(e, type(e.__cause__).__name__)

def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
g()

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)

try:
    raise
except RuntimeError as e:
    print("reraise:", e)

def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("reraised", e)

errors = []
for v in ["1", "x", "3"]:
    try:
        errors.append(int(v))
    except ValueError as e:
        errors.append(str(e))
print(errors)

try:
    [].pop()
except IndexError as e:
    print(e)
try:
    (1, 2).x = 3
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    def h(a, b): pass
    h(1)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
try:
    h(1, c=2)
except TypeError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    {}[[1]] = 2
except TypeError as e:
    print(e)
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    import not_a_real_module
except ImportError as e:
    print(type(e).__name__)
try:
    "x" * "y"
except TypeError as e:
    print(e)
raise ValueError("final uncaught error")
