# Walking the backward graph as the "60 minute blitz" does: grad_fn.name(),
# next_functions (a leaf that requires grad is its AccumulateGrad, an input
# without grad None), and AccumulateGrad.variable.
import torch

x = torch.ones(2, 2, requires_grad=True)
w = torch.full((2, 2), 3.0)
y = x * w + 2
out = y.mean()
print(out.grad_fn.name())
print([type(f).__name__ for f, _ in out.grad_fn.next_functions])
add = out.grad_fn.next_functions[0][0]
print(add.name(), [(None if f is None else f.name(), i) for f, i in add.next_functions])
mul = add.next_functions[0][0]
acc, none = mul.next_functions
print(acc[0].name(), acc[0].variable is x, none)
print(acc[0].next_functions)
print(out.grad_fn.next_functions[0][0] is add)
a, b = torch.ones(3, requires_grad=True).split([1, 2])
s = (a.sum() + b.sum())
print([(f.name(), i) for f, i in s.grad_fn.next_functions])
print([(f.name(), i) for f, i in s.grad_fn.next_functions[1][0].next_functions])
