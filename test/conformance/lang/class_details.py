class A:
    @property
    def x(self):
        return 1
a = A()
try:
    a.x = 2
except AttributeError as e:
    print(e)
class B:
    def __getattr__(self, name):
        if name.startswith("p"):
            return name.upper()
        raise AttributeError(f"no {name}")
b = B()
print(b.param, getattr(b, "pz"), hasattr(b, "q"))
try:
    b.q
except AttributeError as e:
    print(e)
class C:
    items = []
    def add(self, v):
        self.items.append(v)
c1, c2 = C(), C()
c1.add(1)
print(c2.items, C.items)
class D:
    def __init__(self):
        self.__private = 1
    def get(self):
        return self.__private
print(D().get())
try:
    D().__private
except AttributeError as e:
    print(e)
class E(Exception):
    pass
try:
    raise E("x", 2)
except E as e:
    print(e, e.args)
class F:
    def __eq__(self, other):
        return True
try:
    {F(): 1}
except TypeError as e:
    print(e)
print(F() == 1, F() != 1)
class G:
    def __repr__(self):
        return "G!"
print([G()], {"g": G()}, (G(),), f"{G()}", str(G()), "%s %r" % (G(), G()))
