"""torchvision.datasets stand-in (see __init__.py)."""
import importlib.util
import os
import struct

import numpy as np
import torch

_HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('mnist_export', os.path.join(_HERE, '..', '..', 'mnist_export.py'))
_mx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mx)


class _GrayImage:
    """Just enough of PIL.Image for ToTensor (np.array(img)) and repr."""

    def __init__(self, arr):
        self._arr = arr
        self.size = (arr.shape[1], arr.shape[0])
        self.mode = 'L'

    def __array__(self, dtype=None, copy=None):
        return self._arr.astype(dtype) if dtype is not None else self._arr

    def __repr__(self):
        return f'<PIL.Image.Image image mode=L size={self.size[0]}x{self.size[1]}>'


def _read_idx(path):
    with open(path, 'rb') as fh:
        data = fh.read()
    magic = struct.unpack('>I', data[:4])[0]
    nd = magic & 0xff
    dims = struct.unpack('>' + 'I' * nd, data[4:4 + 4 * nd])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)


_BUNDLED = {}


class MNIST:
    classes = ['0 - zero', '1 - one', '2 - two', '3 - three', '4 - four',
               '5 - five', '6 - six', '7 - seven', '8 - eight', '9 - nine']
    _repr_indent = 4

    def __init__(self, root, train=True, transform=None, target_transform=None, download=False):
        self.root = os.path.expanduser(root) if isinstance(root, str) else root
        self._root_shown = root
        self.train, self.transform, self.target_transform = train, transform, target_transform
        raw = os.path.join(self.root, self.__class__.__name__, 'raw')
        prefix = 'train' if train else 't10k'
        img_path = os.path.join(raw, f'{prefix}-images-idx3-ubyte')
        lbl_path = os.path.join(raw, f'{prefix}-labels-idx1-ubyte')
        if os.path.exists(img_path) and os.path.exists(lbl_path):
            images, labels = _read_idx(img_path), _read_idx(lbl_path)
        elif not download:
            raise RuntimeError('Dataset not found. You can use download=True to download it')
        elif self.__class__.__name__ == 'MNIST':
            if 'all' not in _BUNDLED:
                _BUNDLED['all'] = _mx.load()
            imgs, lbls = _BUNDLED['all']
            sl = slice(0, _mx.N_TRAIN) if train else slice(_mx.N_TRAIN, None)
            images = np.frombuffer(b''.join(imgs[sl]), dtype=np.uint8).reshape(-1, 28, 28)
            labels = np.array(lbls[sl], dtype=np.uint8)
        else:
            raise RuntimeError(f'no {self.__class__.__name__} files under {raw} and no network')
        self.data = torch.from_numpy(images.copy())
        self.targets = torch.from_numpy(labels.astype(np.int64))

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        img, target = _GrayImage(self.data[index].numpy()), int(self.targets[index])
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def __repr__(self):
        body = [f'Number of datapoints: {len(self)}', f'Root location: {self.root}',
                f"Split: {'Train' if self.train is True else 'Test'}"]
        if self.transform is not None or self.target_transform is not None:
            lines = ['StandardTransform']
            for t, head in [(self.transform, 'Transform: '), (self.target_transform, 'Target transform: ')]:
                if t is not None:
                    ls = repr(t).splitlines()
                    lines += [head + ls[0]] + [' ' * len(head) + l for l in ls[1:]]
            body.append('\n'.join(lines))
        return '\n'.join(['Dataset ' + self.__class__.__name__] + [' ' * self._repr_indent + l for l in body])


class FashionMNIST(MNIST):
    classes = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
