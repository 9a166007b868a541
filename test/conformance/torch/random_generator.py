# torch.Generator and torch.initial_seed: a generator seeded like the
# default one draws the same numbers; generator= in factories, in-place
# fills and nn.init; torch.round(t, decimals=...) and its errors.
import torch
g = torch.Generator()
for f in [lambda: g.manual_seed(2.5), lambda: torch.manual_seed(2.5)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(g.manual_seed(-1).initial_seed(), g.device, repr(g.device))
torch.manual_seed(5)
g2 = torch.Generator().manual_seed(5)
a = torch.randn(3); b = torch.randn(3, generator=g2)
print(a, b, torch.equal(a, b))
print(torch.randint(0, 10, (4,), generator=g2), torch.randperm(5, generator=g2))
t = torch.empty(3); t.normal_(generator=g2); print(t); t.uniform_(0, 1, generator=g2); print(t)
print(torch.nn.init.normal_(torch.empty(2), generator=g2))
print(torch.initial_seed(), torch.default_generator.initial_seed(), torch.default_generator is torch.manual_seed(1))
print(torch.rand(2, generator=torch.default_generator))
print(torch.rand(2, generator=g2), torch.rand(2))
x=torch.tensor([1,2])
print(torch.round(x), x.round())
for f in [lambda: torch.round(x, decimals=1), lambda: torch.tensor([1.25]).round(decimals=1), lambda: round(torch.tensor(2.567), 1), lambda: round(torch.tensor(2.5)), lambda: torch.round(torch.tensor([1234.5, 0.05, 2.5, -0.5]), decimals=-2), lambda: torch.round(torch.tensor([0.125, 0.135, 1.005], dtype=torch.float64), decimals=2), lambda: torch.round(torch.tensor([0.125, 0.135, 1.005]), decimals=2), lambda: torch.tensor([2.5, 3.5, -2.5]).round()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
torch.manual_seed(0)
r = torch.randn(1000) * 100
for d in range(-2, 5):
    a = torch.round(r, decimals=d)
    print(d, a.sum().item(), a[:4])
r64 = r.double()
for d in range(0, 4):
    print(d, torch.round(r64, decimals=d)[:3].tolist())
w = torch.tensor([1.2345], requires_grad=True)
y = torch.round(w, decimals=2) * 3
y.sum().backward()
print(w.grad)
