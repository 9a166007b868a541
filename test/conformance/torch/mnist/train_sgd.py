# The tutorial's first MNIST training loop: nn.Sequential with LogSoftmax,
# NLLLoss and plain SGD, on the bundled real digits (a few dozen batches).
import torch
from torch import nn, optim
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,)),
                                ])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)

torch.manual_seed(7)
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.003)

print('Initial weights - ', model[0].weight)
running_loss = 0
for step, (images, labels) in enumerate(trainloader):
    images = images.view(images.shape[0], -1)
    optimizer.zero_grad()
    output = model(images)
    loss = criterion(output, labels)
    loss.backward()
    optimizer.step()
    running_loss += loss.item()
    if (step + 1) % 10 == 0:
        print(f"Training loss: {running_loss/10:.4f}")
        running_loss = 0
    if step == 29:
        break
print('Gradient -', model[0].weight.grad.shape, model[0].weight.grad.abs().max().item() > 0)
