"""Module docstring."""
from typing import List, Optional, Dict, Tuple
import math as m

def scale(xs: List[float], k: float = 2.0) -> List[float]:
    """Scale a list."""
    return [x * k for x in xs]

def maybe(x: Optional[int] = None) -> Dict[str, int]:
    return {"x": x if x is not None else -1}

total = 1 + \
    2 + \
    3
a = 1; b = 2; c = a + b
if c > 2: print("big", c)
class Point: pass
class Config:
    lr: float = 0.1
    epochs: int = 3
    def __init__(self, **kw) -> None:
        for k, v in kw.items():
            setattr(self, k, v)
cfg = Config(lr=0.01)
print(scale([1, 2]), maybe(), maybe(3), total, cfg.lr, cfg.epochs, Config.lr, scale.__doc__)
names = ['a', "b"]
print(f"{names!r} {', '.join(names)} {'x' if c else 'y'} {m.pi:.3} {{}} {c:>{a + 3}}")
print(f'{"nested"}', f"{'single'}", f"""{c}
multi""")
matrix = [
    [1, 2, 3],
    [4, 5, 6],   # trailing comment
]
print(matrix, len(matrix), [list(r) for r in zip(*matrix)])
result = (
    "implicit "
    "concatenation"
)
print(result)
x: int
y: Tuple[int, ...] = (1, 2)
print(y, __name__, __doc__)
def f(*, key=lambda v: -v):
    return sorted([3, 1, 2], key=key)
print(f(), f(key=None) if False else "skip")
while False: pass
for _ in []: pass
else: print("empty for else")
print(0x1F, 0o17, 0b11, 1_000_000, 1e3, .5, 5., 1E-2)
print(not True, -(-3), +4, ~0, 2**-1, -2**2, (-2)**2)
print(1 if True else 2 if False else 3, [i for i in range(3) if i if i > 0])
