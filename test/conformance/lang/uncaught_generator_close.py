# close() throws GeneratorExit in at the paused yield; an error raised by
# the finally block is chained to it (During handling ...).
def g():
    try:
        yield 1
    finally:
        raise ValueError("in finally")


x = g()
next(x)
x.close()
