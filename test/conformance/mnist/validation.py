# Part 5: training with a validation pass each epoch — torch.no_grad(),
# model.eval(), ps.topk(1, dim=1), equals and accuracy, then model.train().
import torch
from torch import nn, optim
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)
testset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=False, transform=transform)
testloader = torch.utils.data.DataLoader(testset, batch_size=64, shuffle=True)

torch.manual_seed(5)
model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(),
                      nn.Linear(128, 64), nn.ReLU(),
                      nn.Linear(64, 10), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.5)

images, labels = next(iter(testloader))
ps = torch.exp(model(images.view(images.shape[0], -1)))
top_p, top_class = ps.topk(1, dim=1)
print(top_class[:10, :])
equals = top_class == labels.view(*top_class.shape)
accuracy = torch.mean(equals.type(torch.FloatTensor))
print(f'Accuracy: {accuracy.item()*100}%')

epochs = 2
train_losses, test_losses = [], []
for e in range(epochs):
    running_loss = 0
    for step, (images, labels) in enumerate(trainloader):
        optimizer.zero_grad()
        log_ps = model(images.view(images.shape[0], -1))
        loss = criterion(log_ps, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if step == 19:
            break
    test_loss = 0
    accuracy = 0
    batches = 0
    with torch.no_grad():
        model.eval()
        for images, labels in testloader:
            log_ps = model(images.view(images.shape[0], -1))
            test_loss += criterion(log_ps, labels)
            ps = torch.exp(log_ps)
            top_p, top_class = ps.topk(1, dim=1)
            equals = top_class == labels.view(*top_class.shape)
            accuracy += torch.mean(equals.type(torch.FloatTensor))
            batches += 1
            if batches == 8:
                break
    model.train()
    train_losses.append(running_loss / 20)
    test_losses.append(test_loss / batches)
    print("Epoch: {}/{}.. ".format(e + 1, epochs),
          "Training Loss: {:.3f}.. ".format(train_losses[-1]),
          "Test Loss: {:.3f}.. ".format(test_losses[-1]),
          "Test Accuracy: {:.3f}".format(accuracy / batches))
print(model.training, type(test_losses[0]), equals.dtype, equals.shape)
