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


def run_program():
    """The same program through the torchvision stand-in (real torchvision
    would read the IDX files mnist_export.py writes: same digits)."""
    import subprocess
    import sys
    env = dict(os.environ, PYTHONPATH=os.path.join(HERE, 'torchvision_shim'))
    r = subprocess.run([sys.executable, '-c', PROGRAM], capture_output=True, text=True, env=env, cwd='/tmp', check=True)
    return {'source': PROGRAM, 'stdout': r.stdout}


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
                   'program': run_program()}, fh, indent=1)
        fh.write('\n')


if __name__ == '__main__':
    main()
