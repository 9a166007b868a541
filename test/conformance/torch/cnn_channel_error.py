# Feeding a 3-channel (RGB) batch to a network built for 1-channel images.
import torch
import torch.nn as nn

conv = nn.Conv2d(1, 8, kernel_size=5)
print(conv)
images = torch.rand(2, 3, 32, 32)
features = conv(images)
print(features.shape)
