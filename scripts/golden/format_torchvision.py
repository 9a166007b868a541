"""Golden numbers for Tensor Lens's torchvision: the bundled MNIST digits
(exported by mnist_export.py, same order) through ToTensor + Normalize, done
with torch ops exactly as torchvision does them (uint8 -> float / 255, then
sub_(mean).div_(std)), so no torchvision install is needed.
Writes test/golden/format-torchvision.json."""
import base64
import importlib.util
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'test', 'golden', 'format-torchvision.json')

spec = importlib.util.spec_from_file_location('mnist_export', os.path.join(HERE, 'mnist_export.py'))
mx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mx)


def to_tensor(img_bytes):
    a = np.frombuffer(img_bytes, dtype=np.uint8).reshape(1, 28, 28).copy()
    return torch.from_numpy(a).to(dtype=torch.float32).div(255)


def normalize(t, mean, std):
    m = torch.as_tensor(mean, dtype=t.dtype).view(-1, 1, 1)
    s = torch.as_tensor(std, dtype=t.dtype).view(-1, 1, 1)
    return t.clone().sub_(m).div_(s)


def b64(t):
    return base64.b64encode(t.contiguous().numpy().tobytes()).decode()


PROGRAM = """
import torch
from torchvision import datasets, transforms
transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('MNIST_data/', download=True, train=True, transform=transform)
print(trainset)
print(len(trainset))
image, label = trainset[1]
print(type(image).__name__, label, image.shape, image.dtype)
print(image.sum(), image.mean(), image.max())
print(image[0, 14, 10:16])
testset = datasets.MNIST('MNIST_data/', download=True, train=False)
print(len(testset), testset[0][0], testset[0][1], testset.classes[3])
"""


LOADER_PROGRAM = """
import numpy as np
import torch
from torchvision import datasets, transforms
import matplotlib.pyplot as plt

def view_classify(img, ps):
    ps = ps.data.numpy().squeeze()
    fig, (ax1, ax2) = plt.subplots(figsize=(6, 9), ncols=2)
    ax1.imshow(img.resize_(1, 28, 28).numpy().squeeze())
    ax1.axis('off')
    ax2.barh(np.arange(10), ps)
    ax2.set_aspect(0.1)
    ax2.set_yticks(np.arange(10))
    ax2.set_yticklabels(np.arange(10))
    ax2.set_title('Class Probability')
    ax2.set_xlim(0, 1.1)
    ax2.spines['top'].set_visible(False)
    plt.tight_layout()

torch.manual_seed(0)
transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('MNIST_data/', download=True, train=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)
dataiter = iter(trainloader)
images, labels = next(dataiter)
print(type(images))
print(images.shape)
print(labels.shape)
print(labels[:10])
plt.imshow(images[1].numpy().squeeze(), cmap='Greys_r');
images = images.view(images.shape[0], -1)
print(images.shape)
w = torch.randn(784, 10)
ps = torch.softmax(images[:1] @ w, dim=1)
print(ps.argmax())
view_classify(images[0].view(1, 28, 28), ps)
"""


def run_program(src=PROGRAM):
    """The same program through the torchvision stand-in (real torchvision
    would read the IDX files mnist_export.py writes: same digits)."""
    import subprocess
    import sys
    env = dict(os.environ, PYTHONPATH=os.path.join(HERE, 'torchvision_shim'))
    r = subprocess.run([sys.executable, '-c', src], capture_output=True, text=True, env=env, cwd='/tmp', check=True)
    return {'source': src, 'stdout': r.stdout}


def main():
    images, labels = mx.load()
    cases = []
    for split, idx in [('train', 0), ('train', 1), ('train', 7999), ('test', 0), ('test', 1999)]:
        i = idx if split == 'train' else mx.N_TRAIN + idx
        x = to_tensor(images[i])
        for mean, std in [((0.5,), (0.5,)), ((0.1307,), (0.3081,))]:
            y = normalize(x, mean, std)
            cases.append({'split': split, 'index': idx, 'label': labels[i], 'mean': mean[0], 'std': std[0],
                          'toTensor': b64(x), 'normalized': b64(y), 'sum': y.sum().item()})
    counts = [labels[:mx.N_TRAIN].count(d) for d in range(10)]
    with open(OUT, 'w') as fh:
        json.dump({'generator': f'torch {torch.__version__}', 'trainCount': mx.N_TRAIN, 'testCount': len(labels) - mx.N_TRAIN,
                   'trainLabelCounts': counts, 'first20Labels': labels[:20], 'cases': cases,
                   'program': run_program(), 'loaderProgram': run_program(LOADER_PROGRAM)}, fh, indent=1)
        fh.write('\n')


if __name__ == '__main__':
    main()
