class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __str__(self):
        return f"<{self.name}>"

class Dog(Animal):
    kind = "dog"

    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def speak(self):
        return super().speak() + "!"

    @property
    def n_tricks(self):
        return len(self.tricks)

    @staticmethod
    def species():
        return "canis"

    @classmethod
    def make(cls, name):
        return cls(name)

d = Dog.make("Rex")
d.tricks.append("sit")
a = Animal("Cat", "meow")
print(d.speak(), a.speak(), d.kind, a.kind, Animal.count, d.n_tricks, Dog.species(), d.species())
print(d, repr(d), [d, a], str(a), isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d) is Dog)
print(Dog.__name__, Dog.__mro__[1].__name__, hasattr(d, "tricks"), getattr(d, "missing", 42))
setattr(d, "age", 3)
print(d.age, d.__dict__["name"], type(d).__name__)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, k):
        return self.x * k
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 3, 2 * v, v @ w, -v, v == Vec(1, 2), v != w, v < w, len(v), v[1], list(v), v(10))
print(bool(Vec(0, 0)), bool(v), sorted([w, v]), max([v, w]), sum([v, w], Vec(0, 0)))
v += w
print(v, [x * 2 for x in v])
x, y = v
print(x, y)

class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
        return self
    def __len__(self):
        return len(self._items)
    def __contains__(self, item):
        return item in self._items

s = Stack().push(1).push(2)
print(len(s), 1 in s, 3 in s, bool(s))

class Base:
    def hello(self):
        return "Base"
class Left(Base):
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def hello(self):
        return "Right>" + super().hello()
class Child(Left, Right):
    def hello(self):
        return "Child>" + super().hello()
print(Child().hello(), [c.__name__ for c in Child.__mro__])

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v * 1
t = Temp()
t.celsius = 25
print(t.celsius)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e).__name__, Empty.__name__)
