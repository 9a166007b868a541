# An error inside a @contextmanager block: the generator sees it at its
# yield, and the traceback is the block's own (contextlib restores it).
from contextlib import contextmanager


@contextmanager
def tag(name):
    print("open", name)
    yield
    print("close", name)


def work():
    with tag("w"):
        return 1 / 0


work()
