# Warnings a learner meets, printed on stderr as Python prints them: once per
# place, PyTorch's own (softmax without dim, a loss broadcasting its target,
# meshgrid without indexing) and the program's (warnings.warn with a
# category, stacklevel=2, filters), and the compiler's SyntaxWarning for
# `is` with a literal.
import warnings
import torch
import torch.nn.functional as F

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
for i in range(3):
    p = F.softmax(x)               # warned once, not three times
print(p.sum(dim=1))
loss = F.mse_loss(torch.ones(2, 1), torch.ones(2))
print(loss)
gx, gy = torch.meshgrid(torch.arange(2), torch.arange(3))
print(gx.shape)


def old_api():
    warnings.warn("old_api() is deprecated, use new_api()", DeprecationWarning, stacklevel=2)
    return 1


print(old_api())
warnings.warn("plain")
warnings.warn(RuntimeWarning("an instance carries its category"))
print(len(x) is 2)

warnings.simplefilter("ignore", UserWarning)
warnings.warn("not shown")
warnings.warn("a FutureWarning still shows", FutureWarning)
warnings.resetwarnings()
warnings.simplefilter("error")
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("caught:", e)
