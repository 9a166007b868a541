# A small binary classifier: Linear -> LeakyReLU -> Linear, trained with
# BCEWithLogitsLoss and SGD for a few steps; prints the model, the losses,
# a gradient and the predictions (probabilities through sigmoid).
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(16, 2)
y = ((x[:, 0] + 0.5 * x[:, 1]) > 0).float().unsqueeze(1)

model = nn.Sequential(nn.Linear(2, 8), nn.LeakyReLU(0.1), nn.Linear(8, 1))
print(model)
loss_fn = nn.BCEWithLogitsLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.5)
for step in range(5):
    opt.zero_grad()
    logits = model(x)
    loss = loss_fn(logits, y)
    loss.backward()
    print(step, loss.item(), loss.grad_fn)
    opt.step()
print(model[0].weight.grad)
print(model[2].bias.grad)
with torch.no_grad():
    p = torch.sigmoid(model(x[:4]))
print(p)
print(((p > 0.5).float() == y[:4]).float().mean())

# The same data through sigmoid + BCELoss, and with pos_weight.
probs = torch.sigmoid(model(x))
bce = nn.BCELoss()(probs, y)
print(bce, bce.grad_fn)
weighted = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))(model(x), y)
print(weighted)
print(nn.BCEWithLogitsLoss(reduction='none')(model(x[:3]), y[:3]))
