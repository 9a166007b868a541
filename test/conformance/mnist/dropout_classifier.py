# Part 5's FashionMNIST classifier (an nn.Module class with dropout), trained
# a few batches on the bundled MNIST digits; eval() turns dropout off.
import torch
from torch import nn, optim
import torch.nn.functional as F
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)
        self.dropout = nn.Dropout(p=0.2)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        x = F.log_softmax(self.fc3(x), dim=1)
        return x


torch.manual_seed(11)
model = Classifier()
print(model)
criterion = nn.NLLLoss()
optimizer = optim.Adam(model.parameters(), lr=0.003)

for step, (images, labels) in enumerate(trainloader):
    optimizer.zero_grad()
    loss = criterion(model(images), labels)
    loss.backward()
    optimizer.step()
    if step % 6 == 5:
        print(step + 1, round(loss.item(), 5))
    if step == 17:
        break

images, labels = next(iter(trainloader))
model.eval()
with torch.no_grad():
    a = model(images)
    b = model(images)
print('eval deterministic:', torch.equal(a, b))
model.train()
c = model(images)
print('train uses dropout:', not torch.equal(a, c), c.requires_grad, c.grad_fn.name())
print(torch.exp(a[0]).topk(3))
