# The errors learners meet with the binary losses and activations, with
# PyTorch's exception types and messages.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
p = torch.sigmoid(torch.randn(4))
tests = [
    lambda: nn.BCELoss()(p, torch.ones(4, 1)),
    lambda: nn.BCELoss()(p * 4, torch.ones(4)),
    lambda: nn.BCELoss()(p, torch.full((4,), 2.0)),
    lambda: nn.BCELoss()(p, torch.tensor([1, 0, 1, 0])),
    lambda: nn.BCEWithLogitsLoss()(torch.randn(4, 1), torch.ones(4)),
    lambda: nn.BCELoss(reduction='avg')(p, torch.ones(4)),
    lambda: F.l1_loss(p, torch.ones(3)),
    lambda: F.smooth_l1_loss(p, torch.ones(4), beta=-1.0),
    lambda: F.huber_loss(p, torch.ones(4), delta=0.0),
    lambda: F.kl_div(p.log(), p, reduction='average'),
    lambda: F.gelu(p, approximate='fast'),
    lambda: F.leaky_relu(torch.tensor([1, -2, 3])),
    lambda: F.gelu(torch.tensor([1, 2])),
    lambda: nn.BCEWithLogitsLoss()(torch.randn(4), torch.tensor([1, 0, 1, 1])),
    lambda: nn.BCEWithLogitsLoss()(torch.randn(4), torch.tensor([True, False, True, True])),
    lambda: nn.BCEWithLogitsLoss()(torch.randn(4), torch.tensor([1.0, 0.0, 1.0, 1.0], dtype=torch.float64)).dtype,
    lambda: nn.BCEWithLogitsLoss()(torch.randn(4, dtype=torch.float64), torch.tensor([1.0, 0.0, 1.0, 1.0])).dtype,
    lambda: F.l1_loss(p > 0.5, p),
    lambda: F.l1_loss(p > 0.5, p > 0.2),
    lambda: F.l1_loss(p, torch.tensor([1, 0, 1, 1])),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ':', e)

loss = nn.L1Loss()(torch.randn(3, 1), torch.randn(3))
print(loss)
nn.BCEWithLogitsLoss()(torch.randn(8, 1), torch.randint(0, 2, (8,)).float())
