class A:
    pass
class B(A):
    def __init__(self):
        self.v = 1
a = A()
print(type(1), type(1.0), type("s"), type(None), type([]), type(()), type({}), type(A), type(a), A, B.__bases__)
print(len, print, type(len), int, object, str(a).startswith("<__main__.A object at 0x"), repr(B()).split(" at ")[0])
def f(): pass
print(str(f).split(" at ")[0], f.__name__, f.__qualname__, B.__init__.__qualname__, (lambda: 0).__name__)
print(repr(ValueError("x")), repr(KeyError("k")), str(KeyError("k")), repr(Exception()), str(Exception("a", 1)), ValueError)
print(isinstance([], list), isinstance(a, object), isinstance(3, object), issubclass(B, object), B.__mro__)
for i, k in enumerate({"x": 1, "y": 2}):
    print(i, k)
print("{:5.1f}%".format(99.123), "{:d}".format(True), "{:,}".format(10 ** 7), "{:e}".format(0), "{:g}".format(1e-10))
try:
    "{:d}".format(3.0)
except ValueError as e:
    print(e)
try:
    "{:>10}".format(None)
except TypeError as e:
    print(e)
print(int("1_000"), float("1_0.5"), int("-0"), int("+7"), float(" 2.5 "), float("1e-3"))
print({"a": [1.0, 2.5e-8], "b": {"c": (None, True)}})
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
x = 0
def g():
    def h():
        global x
        x = 5
    h()
g()
print(x)
print(NotImplemented, Ellipsis, ..., None.__class__, True.__class__.__name__)
print(sorted([[3, 1], [2, 9], [2, 1]]), sorted("hello"), "".join(sorted(set("hello"))), list(map(int, "123")))
print(str.upper("x"), list.__name__, dict.fromkeys("ab", 0), "a b".split(None))
print(abs(-0.0), -0.0 == 0.0, 1e309, -1e309, float("nan") == float("nan"), round(0.5), round(1.5), round(-0.5))
print(3 // -2, 3 % -2, -3 // 2, 3.0 % -2, divmod(7, -2), 2 ** -2, 10 ** 0.5, 4 ** 0.5, (-1) ** 0.5 if False else 0)
print(1 == True, hash(1) == hash(1.0) == hash(True), {1: "a", True: "b"}, {0.0: "z", 0: "y"})
print(max([1, 5, 3], default=0), max((x for x in []), default=-1), min("b", "a", key=str.upper), sum(range(101)))
print(list(reversed(range(5))), list(range(10))[::3], "abcdef"[-2::-2], [1, 2, 3][-5:2])
print(bool([0]), bool({0: 0}), [] or [1], "" and "x", 0 or None, [None] * 2)
assert True, "ok"
