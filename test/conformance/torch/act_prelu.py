# nn.PReLU: a learnable negative slope (one shared, or one per channel),
# trained with SGD on a tiny regression; its repr, parameters, grads and the
# slopes after each step, and F.prelu's shape errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2)
print(nn.PReLU(), nn.PReLU(4), nn.PReLU(init=0.1))
model = nn.Sequential(nn.Linear(3, 4), nn.PReLU(4), nn.Linear(4, 1), nn.PReLU())
print(model)
print([(n, p.shape) for n, p in model.named_parameters()])
x = torch.randn(8, 3)
y = torch.randn(8, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    out = model(x)
    loss = F.mse_loss(out, y)
    loss.backward()
    print(step, round(loss.item(), 6), out.grad_fn)
    print(model[1].weight.grad, model[3].weight.grad)
    opt.step()
print(model[1].weight, model[3].weight)

img = torch.randn(2, 3, 2, 2, requires_grad=True)
w = torch.tensor([0.1, 0.2, 0.3], requires_grad=True)
r = F.prelu(img, w)
r.sum().backward()
print(r[0, :, 0], w.grad, img.grad[1, :, 1])
for t in [lambda: F.prelu(torch.randn(2, 3), torch.rand(2)), lambda: nn.PReLU(3)(torch.randn(4)),
          lambda: F.prelu(torch.randn(2, 3), torch.rand(1, 3))]:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ':', e)
