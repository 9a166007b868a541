# The long-standing pytorch/examples MNIST network: conv/max-pool/relu with
# Dropout2d and functional dropout, log_softmax + nll_loss, SGD with
# momentum, then an eval pass under no_grad (random data stands in for MNIST).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


torch.manual_seed(1)
model = Net()
print(model)
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
data = torch.randn(16, 1, 28, 28)
target = torch.randint(0, 10, (16,))
model.train()
for batch_idx in range(3):
    optimizer.zero_grad()
    output = model(data)
    loss = F.nll_loss(output, target)
    loss.backward()
    optimizer.step()
    print('Train step {}: loss {:.4f}'.format(batch_idx, loss.item()))
print(model.conv1.weight.grad[0, 0, 0])
print(model.conv2.bias.grad[:5])
model.eval()
test_loss = 0
correct = 0
with torch.no_grad():
    output = model(data)
    test_loss += F.nll_loss(output, target, reduction='sum').item()
    pred = output.argmax(dim=1, keepdim=True)
    correct += pred.eq(target.view_as(pred)).sum().item()
print('Test set: Average loss: {:.4f}, Accuracy: {}/{}'.format(test_loss / 16, correct, 16))
print(output[:2])
