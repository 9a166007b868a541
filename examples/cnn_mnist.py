# A small convolutional network on MNIST: two conv + pool stages find strokes
# and shapes in the 28x28 picture, a linear layer reads the digit from them.
# Cut down to a few dozen batches so it finishes in seconds; Tensor Lens uses
# the 10,000 real digits it bundles, so download=True needs no network.
import torch
from torch import nn, optim
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=32, shuffle=True)
testset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=False, transform=transform)
testloader = torch.utils.data.DataLoader(testset, batch_size=64)

torch.manual_seed(7)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)    # 8 feature maps of 28x28
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)   # 16 of 14x14
        self.pool = nn.MaxPool2d(2)                   # halves each side
        self.fc = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))      # [N, 8, 14, 14]
        x = self.pool(torch.relu(self.conv2(x)))      # [N, 16, 7, 7]
        x = x.flatten(1)                              # [N, 784]
        return self.fc(x)


model = Net()
print(model)
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.003)

batches = 40
for step, (images, labels) in enumerate(trainloader):
    optimizer.zero_grad()
    loss = criterion(model(images), labels)
    loss.backward()
    optimizer.step()
    if (step + 1) % 10 == 0:
        print(f"step {step + 1}: loss {loss.item():.3f}")
    if step + 1 == batches:
        break

# How often is the most likely class the right one, on 256 unseen digits?
correct = 0
seen = 0
model.eval()
with torch.no_grad():
    for images, labels in testloader:
        correct += (model(images).argmax(dim=1) == labels).sum().item()
        seen += labels.shape[0]
        if seen >= 256:
            break
print(f"test accuracy: {correct / seen:.3f}")
