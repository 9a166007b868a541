# A single neuron, then a network with one hidden layer: the opening exercise
# of "Introduction to Deep Learning with PyTorch", in our own words.
import torch


def activation(x):
    """Sigmoid: squashes any real number into (0, 1)."""
    return 1 / (1 + torch.exp(-x))


# Same seed as the tutorial, so the numbers match it.
torch.manual_seed(7)

features = torch.randn((1, 5))        # one sample with five inputs
weights = torch.randn_like(features)  # one weight per input
bias = torch.randn((1, 1))            # and a single bias

# The neuron: weighted sum of the inputs plus the bias, through the sigmoid.
y = activation(torch.sum(features * weights) + bias)
print(y)

# The same sum as a matrix product: the weights must be a column first.
y = activation(torch.mm(features, weights.view(5, 1)) + bias)
print(y)

# Two layers: three inputs, two hidden units, one output.
torch.manual_seed(7)
features = torch.randn((1, 3))

n_input = features.shape[1]
n_hidden = 2
n_output = 1

W1 = torch.randn(n_input, n_hidden)   # input -> hidden
W2 = torch.randn(n_hidden, n_output)  # hidden -> output
B1 = torch.randn((1, n_hidden))
B2 = torch.randn((1, n_output))

h = activation(torch.mm(features, W1) + B1)
output = activation(torch.mm(h, W2) + B2)
print(output)
