# Part 2 of the tutorial on MNIST: one batch through a hand-built network
# (weights from torch.randn, sigmoid hidden layer) and a softmax written by hand.
import torch
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor(),
                                transforms.Normalize((0.5,), (0.5,)),
                                ])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)

torch.manual_seed(7)
dataiter = iter(trainloader)
images, labels = next(dataiter)
print(type(images))
print(images.shape)
print(labels.shape)
print(labels[:10])


def activation(x):
    return 1 / (1 + torch.exp(-x))


inputs = images.view(images.shape[0], -1)
print(inputs.shape, inputs.min().item(), inputs.max().item())

w1 = torch.randn(784, 256)
b1 = torch.randn(256)
w2 = torch.randn(256, 10)
b2 = torch.randn(10)

h = activation(torch.mm(inputs, w1) + b1)
out = torch.mm(h, w2) + b2
print(out.shape)


def softmax(x):
    return torch.exp(x) / torch.sum(torch.exp(x), dim=1).view(-1, 1)


probabilities = softmax(out)
print(probabilities.shape)
print(probabilities.sum(dim=1)[:8])
print(probabilities[0].argmax().item(), probabilities[0].max() > 0.4)
# The printed row depends on the BLAS's float32 summation order in torch.mm
# (PyTorch's own output varies by a few ulps across CPUs), so round it.
print(torch.round(probabilities[0] * 1000) / 1000)
print(torch.allclose(probabilities, torch.softmax(out, dim=1)))
