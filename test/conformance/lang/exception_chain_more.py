# More chains: a re-raised exception keeps its cause, finally and __exit__
# see the exception (and its traceback object), __traceback__ lines.
class ParseError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"bad number {text!r}") from e


def load(items):
    out = []
    for it in items:
        try:
            out.append(parse(it))
        except ParseError:
            out.append(None)
            if it == "stop":
                raise
    return out


print(load(["1", "x"]))


def cleanup():
    raise OSError("disk full")


def work():
    try:
        [1, 2][5]
    finally:
        cleanup()


try:
    work()
except OSError as e:
    print(repr(e), repr(e.__context__))


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None, tb is None)
        return False


def use():
    with Resource():
        try:
            {}["k"]
        except KeyError as e:
            raise RuntimeError("lookup failed") from e


try:
    use()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))


def divide():
    return 1 / 0
try:
    divide()
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines, type(e.__traceback__).__name__, e.__traceback__ is e.__traceback__)
    print(ValueError("x").__traceback__, e.with_traceback(None) is e)

load(["2", "stop"])
