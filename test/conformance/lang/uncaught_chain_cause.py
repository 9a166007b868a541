# An uncaught error whose cause was never raised (no traceback of its own),
# reached through a re-raise that keeps the original line and a `finally`.


def load(name):
    try:
        return {"a": 1}[name]
    except KeyError:
        print("not found:", name)
        raise


def open_all(names):
    try:
        for n in names:
            load(n)
    finally:
        print("cleanup")


try:
    open_all(["a", "b"])
except KeyError as e:
    print("caught", repr(e), e.__context__)

try:
    open_all(["c"])
except KeyError:
    raise RuntimeError("could not open") from ValueError("bad name c")
