# A small training loop with SGD on synthetic data.
import torch
from torch import nn, optim

torch.manual_seed(0)
X = torch.randn(64, 20)
true_w = torch.randn(20, 3)
labels = (X @ true_w).argmax(dim=1)

model = nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 3), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)

print('Initial weights - ', model[0].weight[0, :4])
for epoch in range(5):
    running_loss = 0
    for i in range(4):
        images = X[i * 16:(i + 1) * 16]
        target = labels[i * 16:(i + 1) * 16]
        optimizer.zero_grad()
        output = model(images)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print(f"Training loss: {running_loss / 4:.4f}")
print('Updated weights - ', model[0].weight[0, :4])
print('Gradient -', model[0].weight.grad[0, :4])
