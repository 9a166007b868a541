# Part 3: nn.Sequential 784-128-64-10 with LogSoftmax, NLLLoss and SGD(lr=0.003)
# on MNIST, a bounded number of batches, printing the running loss.
import torch
from torch import nn, optim
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,)),
                                ])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)

torch.manual_seed(1)
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))
print(model)
criterion = nn.NLLLoss()

images, labels = next(iter(trainloader))
images = images.view(images.shape[0], -1)
logps = model(images)
loss = criterion(logps, labels)
print(loss)
print('Before backward pass: \n', model[0].weight.grad)
loss.backward()
print('After backward pass: \n', model[0].weight.grad.shape, model[0].weight.grad.abs().sum().item() > 0)

optimizer = optim.SGD(model.parameters(), lr=0.003)
epochs = 2
for e in range(epochs):
    running_loss = 0
    for step, (images, labels) in enumerate(trainloader):
        images = images.view(images.shape[0], -1)
        optimizer.zero_grad()
        output = model(images)
        loss = criterion(output, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if step == 0 and e == 0:
            print('first step loss', loss.item())
        if step == 14:
            break
    print(f"Training loss: {running_loss/15:.6f}")
