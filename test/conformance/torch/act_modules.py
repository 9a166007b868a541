# Activation and loss modules: reprs inside nn.Sequential, outputs with their
# grad_fn, the functional forms, torch.erf, reductions and input grads.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)
net = nn.Sequential(
    nn.Linear(4, 6), nn.LeakyReLU(), nn.Linear(6, 6), nn.GELU(), nn.Linear(6, 6), nn.ELU(),
    nn.Linear(6, 6), nn.SiLU(), nn.Linear(6, 3), nn.Softplus(),
)
print(net)
print(nn.LeakyReLU(0.2, inplace=True), nn.GELU(approximate='tanh'), nn.ELU(alpha=0.5), nn.SiLU(inplace=True))
print(nn.Softplus(beta=2, threshold=10), nn.Softplus(beta=0.5))
print(nn.BCELoss(), nn.BCEWithLogitsLoss(), nn.L1Loss(), nn.SmoothL1Loss(beta=0.5), nn.HuberLoss(delta=2.0), nn.KLDivLoss(reduction='batchmean'))
print(nn.LeakyReLU().negative_slope, nn.GELU().approximate, nn.BCELoss().reduction)

x = torch.randn(3, 4)
out = net(x)
print(out)

z = torch.tensor([-2.7, -1.2, -0.4, 0.0, 0.3, 1.1, 2.6], requires_grad=True)
for f in [F.leaky_relu, F.gelu, lambda t: F.gelu(t, approximate='tanh'), F.elu, F.silu, F.softplus, torch.erf, lambda t: t.erf()]:
    r = f(z)
    print(r, r.grad_fn)
    r.sum().backward()
    print(z.grad)
    z.grad = None
print(F.leaky_relu(z, 0.3), F.elu(z, alpha=2.0), F.softplus(z, beta=3, threshold=2))

a = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, 3)
for loss in [nn.L1Loss(), nn.SmoothL1Loss(), nn.HuberLoss(delta=0.5), nn.L1Loss(reduction='sum'), nn.SmoothL1Loss(reduction='none')]:
    l = loss(a, b)
    print(l, l.grad_fn)
    l.sum().backward()
    print(a.grad)
    a.grad = None

logp = F.log_softmax(torch.randn(2, 5, requires_grad=True), dim=1)
q = F.softmax(torch.randn(2, 5), dim=1)
for red in ['batchmean', 'sum', 'none']:
    print(F.kl_div(logp, q, reduction=red))
print(nn.KLDivLoss(reduction='batchmean', log_target=True)(logp, F.log_softmax(torch.randn(2, 5), dim=1)))

p = torch.sigmoid(torch.randn(4, requires_grad=True))
t = torch.tensor([1.0, 0.0, 1.0, 0.0])
w = torch.tensor([1.0, 2.0, 0.5, 1.0])
print(F.binary_cross_entropy(p, t), F.binary_cross_entropy(p, t, weight=w), F.binary_cross_entropy(p, t, reduction='sum'))
print(F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 1.0]), reduction='none'))
print(F.binary_cross_entropy_with_logits(torch.tensor([-200.0, 0.0, 200.0]), torch.tensor([1.0, 0.5, 0.0]), reduction='none'))
