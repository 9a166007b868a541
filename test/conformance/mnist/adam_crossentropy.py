# Part 3 again with Adam and CrossEntropyLoss on raw logits (no LogSoftmax).
import torch
from torch import nn, optim
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,)),
                                ])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)

torch.manual_seed(3)
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10))
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.003)
print(optimizer)

running_loss = 0
for step, (images, labels) in enumerate(trainloader):
    images = images.view(images.shape[0], -1)
    optimizer.zero_grad()
    logits = model(images)
    loss = criterion(logits, labels)
    loss.backward()
    optimizer.step()
    running_loss += loss.item()
    if step % 5 == 4:
        print(f"step {step + 1:3d}  loss {loss.item():.6f}  running {running_loss / 5:.4f}")
        running_loss = 0
    if step == 24:
        break

with torch.no_grad():
    ps = torch.softmax(model(images), dim=1)
print(ps.shape, ps[0].argmax().item(), labels[0].item())
print(model[0].bias[:5])
