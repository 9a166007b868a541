x = "global"

def show():
    return x

def shadow():
    x = "local"
    return x

def nested():
    y = "enclosing"
    def inner():
        return x + "/" + y
    return inner()

print(show(), shadow(), nested(), x)

def unbound():
    print(x)
    x = 1

try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)

class K:
    attr = 1
    doubled = [attr * 2 for _ in range(2)] if False else None
    def m(self):
        return K.attr

print(K().m(), K.doubled)
counter = [0]
def mutate():
    counter[0] += 1
mutate()
print(counter)
lst = [i for i in range(3)]
print(lst)
print([x for x in "ab"], x)
def make_adders():
    return [lambda v, n=n: v + n for n in range(3)]
print([f(10) for f in make_adders()])
def outer():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
        return a
    return mid()
print(outer())
del x
try:
    print(x)
except NameError as e:
    print(e)
