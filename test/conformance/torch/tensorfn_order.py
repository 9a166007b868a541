# Order statistics with ties: which index PyTorch picks depends on its CPU algorithms
import torch
rows = [[1, 2, 2, 1], [3, 3, 1, 1, 2, 2], [5, 4, 4, 5, 5, 4], [0, 0, 0], [7, 1, 7, 1, 3], [2, 9, 9, 2, 2, 9, 9]]
for r in rows:
    t = torch.tensor(r)
    print(torch.mode(t), torch.median(t, 0), torch.kthvalue(t, 2), torch.cummax(t, 0).indices, torch.cummin(t, 0).indices)
    f = t.float()
    print(torch.median(f), torch.unique(f, return_counts=True))
m = torch.tensor([[1, 1, 2, 2], [3, 1, 3, 1]])
print(torch.mode(m, 1), torch.mode(m, 0), torch.median(m, 1))
