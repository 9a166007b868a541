# DataLoader(generator=torch.Generator().manual_seed(s)): each epoch draws
# its base seed and permutations from that generator, as PyTorch does.
import torch
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(1)
ds = TensorDataset(torch.arange(10.), torch.arange(10))
g = torch.Generator().manual_seed(42)
loader = DataLoader(ds, batch_size=4, shuffle=True, generator=g)
for epoch in range(2):
    for x, y in loader:
        print(epoch, x.tolist(), y.tolist())
print(torch.rand(2))
g2 = torch.Generator().manual_seed(42)
print([y.tolist() for _, y in DataLoader(ds, batch_size=5, shuffle=True, generator=g2)])
print([y.tolist() for _, y in DataLoader(ds, batch_size=5, shuffle=True)])
