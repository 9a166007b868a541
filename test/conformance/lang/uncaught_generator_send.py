# An error in a generator resumed by send(): the traceback runs from the
# send() call into the generator's frame.
def g():
    x = yield 1
    yield 1 / x


it = g()
next(it)
it.send(0)
