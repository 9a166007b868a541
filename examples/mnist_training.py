# Training a digit classifier on MNIST, the way Part 3 of "Introduction to
# Deep Learning with PyTorch" does it — cut down to a few dozen batches so it
# finishes in seconds. Tensor Lens uses the 10,000 real digits it bundles, so
# download=True needs no network.
import torch
from torch import nn, optim
from torchvision import datasets, transforms

# Pixels become tensors in [0, 1], then are shifted to [-1, 1].
transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)
testset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=False, transform=transform)
testloader = torch.utils.data.DataLoader(testset, batch_size=64, shuffle=True)

torch.manual_seed(7)

# 784 pixels in, two hidden layers, 10 log-probabilities out.
model = nn.Sequential(nn.Linear(784, 128),
                      nn.ReLU(),
                      nn.Linear(128, 64),
                      nn.ReLU(),
                      nn.Linear(64, 10),
                      nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

batches_per_epoch = 15   # the full set has 125 batches of 64; a few are enough to see learning
epochs = 3
for e in range(epochs):
    running_loss = 0
    for step, (images, labels) in enumerate(trainloader):
        images = images.view(images.shape[0], -1)   # flatten 1x28x28 -> 784

        optimizer.zero_grad()
        output = model(images)
        loss = criterion(output, labels)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
        if step + 1 == batches_per_epoch:
            break

    # How often is the most likely class the right one, on unseen digits?
    correct = 0
    seen = 0
    with torch.no_grad():
        model.eval()
        for images, labels in testloader:
            ps = torch.exp(model(images.view(images.shape[0], -1)))
            top_p, top_class = ps.topk(1, dim=1)
            equals = top_class == labels.view(*top_class.shape)
            correct += equals.sum().item()
            seen += labels.shape[0]
            if seen >= 256:
                break
    model.train()
    print(f"Epoch {e + 1}/{epochs}  training loss: {running_loss / batches_per_epoch:.3f}  "
          f"test accuracy: {correct / seen:.3f}")

# One digit from the test set, and what the network thinks it is.
images, labels = next(iter(testloader))
with torch.no_grad():
    ps = torch.exp(model(images[0].view(1, 784)))
print('label:', labels[0].item(), ' predicted:', ps.argmax(dim=1).item())
print(f'confidence: {ps.max().item():.3f}')
