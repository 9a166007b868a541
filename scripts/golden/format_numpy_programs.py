"""Small numpy (+ torch bridge) programs run with real numpy/torch; their
stdout is what Tensor Lens's numpy module must print. Writes
test/golden/format-numpy-programs.json. Run via run.sh."""
import contextlib
import io
import json
import os

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'golden', 'format-numpy-programs.json')

PROGRAMS = {
    'tutorial rand and from_numpy sharing': '''
import numpy as np
import torch
np.random.seed(0)
a = np.random.rand(4, 3)
print(a)
b = torch.from_numpy(a)
print(b)
a *= 2
print(b)
print(a)
''',
    'numpy() shares memory back': '''
import numpy as np
import torch
c = torch.ones(2, 3)
d = c.numpy()
d += 1
print(c)
print(d)
print(repr(d))
print(d.dtype, d.shape)
''',
    'constructors and attributes': '''
import numpy as np
x = np.array([[1, 2], [3, 4]])
print(x)
print(repr(x))
print(x.shape, x.ndim, x.size, x.dtype)
print(np.zeros((2, 3)))
print(np.ones(3, dtype=np.float32))
print(repr(np.ones(3, dtype=np.float32)))
print(np.arange(10))
print(np.arange(0, 1, 0.25))
print(np.arange(12).reshape(3, 4))
print(np.arange(12).reshape(3, 4).T)
print(np.linspace(0, 1, 5))
print(np.eye(3))
print(np.full((2, 2), 7))
print(np.array([True, False]))
print(np.array([1.5, 2, 3]))
print(repr(np.array([])))
''',
    'arithmetic and promotion': '''
import numpy as np
x = np.array([[1, 2], [3, 4]])
print(x * 2.5)
print(x / 2)
print(x // 3, x % 3)
print(x ** 2)
print(x + x)
print(x @ x)
print(x.dot(x))
print(2 - x)
print(-x)
print(x > 2)
print(x[x > 2])
f = np.array([1.5, 2.5], dtype=np.float32)
print(repr(f * 2))
print(repr(f + np.array([1, 2])))
print(repr(x + 0.5))
print(np.exp(np.array([0.0, 1.0])))
print(np.sqrt(x))
print(np.maximum(x, 2))
''',
    'reductions': '''
import numpy as np
np.random.seed(1)
a = np.random.rand(3, 4)
print(a.sum(), a.mean(), a.max(), a.min())
print(a.sum(axis=0))
print(a.mean(axis=1))
print(a.argmax(), a.argmax(axis=1))
print(np.sum(a), np.mean(a, axis=0))
print(a.std(), a.var())
x = np.arange(6).reshape(2, 3)
print(x.sum(), x.sum(axis=1), x.mean())
print(np.arange(1000).sum())
''',
    'indexing': '''
import numpy as np
x = np.arange(24).reshape(2, 3, 4)
print(x[0])
print(x[1, 2])
print(x[1, 2, 3])
print(x[:, 1])
print(x[..., 0])
print(x[:, :, ::2])
print(x[0, ::-1])
print(x[:, None, 0].shape)
y = np.zeros(5)
y[1:3] = 7
y[-1] = 2.5
print(y)
y[y > 1] = -1
print(y)
print(x[[0, 1]].shape)
for row in np.arange(6).reshape(3, 2):
    print(row, len(row))
''',
    'np.random': '''
import numpy as np
np.random.seed(42)
print(np.random.rand())
print(np.random.rand(2, 3))
print(np.random.randn(4))
print(np.random.randint(0, 10, size=5))
print(np.random.randint(5))
print(np.random.randint(0, 100, (2, 3)))
print(np.random.normal(0, 1, size=3))
print(np.random.uniform(-1, 1, 3))
print(np.random.random((2, 2)))
print(np.random.permutation(6))
a = np.arange(10)
np.random.shuffle(a)
print(a)
print(np.random.choice(5, 3))
print(np.random.choice([10, 20, 30], size=4))
print(np.random.choice(10, 3, replace=False))
''',
    'astype and tolist': '''
import numpy as np
a = np.array([1.7, -2.2, 3.9])
print(a.astype(np.int64))
print(a.astype(int))
print(a.astype(np.float32))
print(a.tolist())
print(np.arange(4).reshape(2, 2).tolist())
print(np.array(3.5).item(), np.arange(3).item(1))
print(float(np.array(2.5)), int(np.array(7)))
try:
    float(np.array([2.5]))
except TypeError as e:
    print('TypeError:', e)
''',
    'float32 scalars': '''
import numpy as np
import torch
t = torch.tensor([0.1, 0.25, 1 / 3])
a = t.numpy()
print(a[0], a.sum(), a.max(), a[2] * 2, a[0] + 1, 2 * a[1], a[0] / 3)
print(repr(a[0]), repr(a.mean()), a[0].dtype)
print(f"{a[2]:.3f}", float(a[0]), a[0].item(), a.tolist(), a.item(1))
print(np.float32(0.1), np.float32(0.1) + 0.2, repr(np.float32(2.5)))
x = np.array([1.5, 2.5], dtype=np.float32)
print(x * a[1], a[0] < 0.2, a[0] == a[0])
for v in x:
    print(v)
print(list(x))
print(round(a[1], 1), int(a[2] * 10))
''',
    'errors': '''
import numpy as np
try:
    np.arange(6).reshape(4, 2)
except ValueError as e:
    print('ValueError:', e)
try:
    np.ones(3) + np.ones(4)
except ValueError as e:
    print('ValueError:', e)
try:
    np.arange(3)[5]
except IndexError as e:
    print('IndexError:', e)
try:
    if np.ones(2):
        pass
except ValueError as e:
    print('ValueError:', e)
''',
}


def main():
    import numpy  # noqa: F401  (fail early when numpy is missing)
    out = {}
    for name, src in PROGRAMS.items():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(src, name, 'exec'), {'__name__': '__main__'})
        out[name] = {'source': src, 'stdout': buf.getvalue()}
    with open(OUT, 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')


if __name__ == '__main__':
    main()
