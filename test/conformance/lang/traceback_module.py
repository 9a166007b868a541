# The traceback module: format_exc / print_exc / format_exception /
# print_exception / format_exception_only give the text CPython prints,
# chain included. Paths differ per machine: they are replaced by PROG.
import sys
import traceback


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def show(self):
        print("".join(self.parts).replace(__file__, "PROG"), end="")


def parse(s):
    return int(s)


def load(s):
    try:
        return parse(s)
    except ValueError as e:
        raise RuntimeError("cannot load " + s) from e


try:
    load("x")
except RuntimeError:
    print(traceback.format_exc().replace(__file__, "PROG"))
    out = Collect()
    traceback.print_exc(file=out)
    out.show()

try:
    [][0]
except IndexError as err:
    parts = traceback.format_exception(err)
    print(len(parts), [p.replace(__file__, "PROG") for p in parts])
    print(traceback.format_exception_only(err))
    out = Collect()
    traceback.print_exception(err, file=out)
    out.show()


def deep(n):
    if n == 0:
        raise KeyError("bottom")
    deep(n - 1)


try:
    deep(6)
except KeyError:
    print(traceback.format_exc().replace(__file__, "PROG"))
print(repr(traceback.format_exc()))

# sys.exc_info() / sys.exception(): the exception being handled.
import sys
print(sys.exc_info(), sys.exception())
try:
    {}["a"]
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb.tb_lineno, sys.exception() is v)
    try:
        1 / 0
    except ZeroDivisionError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
