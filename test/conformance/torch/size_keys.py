# torch.Size is a tuple of ints: it hashes as that tuple, so it keys dicts
# and sets together with equal tuples; torch.Size(iterable) builds one.
import torch

shapes = {}
for t in [torch.zeros(2, 3), torch.ones(2, 3), torch.zeros(3), torch.zeros(2, 3, 1)]:
    shapes.setdefault(t.shape, []).append(t.sum().item())
print(shapes)
print(shapes[(2, 3)], (3,) in shapes, torch.Size([3]) in shapes)

seen = {torch.zeros(4, 1).shape, torch.Size([4, 1]), (4, 1), torch.rand(1, 4).shape}
print(len(seen), sorted(seen))
print(hash(torch.Size([2, 3])) == hash((2, 3)), hash(torch.Size([])) == hash(()))
print(hash(torch.Size([2, 3])), hash(torch.Size([])))
print({(2, 3): "tuple first", torch.Size([2, 3]): "size second"})

s = torch.Size(range(3))
print(s, type(s).__name__, isinstance(s, tuple), s == (0, 1, 2))
print(torch.Size(), torch.Size([True, 4]), torch.Size(torch.tensor([5, 6])))
for bad in ([2.5], ["a"]):
    try:
        torch.Size(bad)
    except TypeError as e:
        print(e)
try:
    torch.Size(3)
except TypeError as e:
    print(e)
