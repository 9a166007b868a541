# Legacy constructors older tutorials use: torch.Tensor(data), torch.FloatTensor, torch.LongTensor.
import torch
print(torch.Tensor([1, 2]), torch.FloatTensor([[1, 2]]), torch.LongTensor([1.7, 2]))
print(torch.Tensor(2, 3).shape)
x = torch.tensor([1.0])
print(type(x), isinstance(x, torch.Tensor), type(torch.Tensor([1])))
