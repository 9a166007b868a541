# An error inside a generator expression fed by a generator pipeline:
# the traceback has a <genexpr> frame and carets under the consuming call.

def numbers():
    yield 1
    yield 2
    raise ValueError("no more numbers")


def doubled(src):
    for x in src:
        yield x * 2


total = sum(v / (v - 2) for v in doubled(numbers()) if v < 10)
