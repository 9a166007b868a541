# Training with Adam and CrossEntropyLoss, batches from a DataLoader.
import torch
from torch import nn, optim
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 32)
        self.fc2 = nn.Linear(32, 4)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        return self.fc2(x)


torch.manual_seed(1)
X = torch.randn(96, 10)
y = (X[:, 0] > 0).long() + 2 * (X[:, 1] > 0).long()
loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)

model = Classifier()
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.01)
epochs = 4
steps = 0
for e in range(epochs):
    running_loss = 0
    for xb, yb in loader:
        optimizer.zero_grad()
        logits = model(xb)
        loss = criterion(logits, yb)
        loss.backward()
        optimizer.step()
        steps += 1
        running_loss += loss.item()
    print(f"Epoch {e + 1}/{epochs}.. Training loss: {running_loss / len(loader):.3f}")
print(steps, len(loader.dataset))
