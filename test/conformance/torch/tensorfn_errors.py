import torch
import torch.nn.functional as F


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


attempt('tril 1-D', lambda: torch.tril(torch.ones(3)))
attempt('triu 1-D', lambda: torch.ones(3).triu())
attempt('one_hot negative', lambda: F.one_hot(torch.tensor([0, -1])))
attempt('one_hot float', lambda: F.one_hot(torch.tensor([0.0, 1.0])))
attempt('one_hot too small', lambda: F.one_hot(torch.tensor([0, 3]), 3))
attempt('one_hot empty', lambda: F.one_hot(torch.tensor([], dtype=torch.long)))
attempt('one_hot empty n', lambda: F.one_hot(torch.tensor([], dtype=torch.long), 3))
attempt('masked_select int mask', lambda: torch.masked_select(torch.ones(3), torch.tensor([1, 0, 1])))
attempt('index_select float index', lambda: torch.index_select(torch.ones(3), 0, torch.tensor([0.0])))
attempt('index_select 2-D index', lambda: torch.index_select(torch.ones(3), 0, torch.tensor([[0]])))
attempt('index_select out of range', lambda: torch.index_select(torch.ones(3), 0, torch.tensor([5])))
attempt('roll mismatch', lambda: torch.roll(torch.ones(2, 3), (1, -1), 0))
attempt('meshgrid bad indexing', lambda: torch.meshgrid(torch.tensor([1, 2]), indexing='foo'))
attempt('finfo int', lambda: torch.finfo(torch.int64))
attempt('iinfo float', lambda: torch.iinfo(torch.float32))
attempt('clip none', lambda: torch.clip(torch.ones(2)))
u = torch.unique(torch.tensor([2.0, 1.0, 2.0], requires_grad=True))
print(u)
attempt('unique backward', lambda: u.sum().backward())
