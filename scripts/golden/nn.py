"""Golden data for engine/nn, engine/optim and engine/data, from real PyTorch.

Run: /work/main/.venv-torch/bin/python scripts/golden/nn.py   (torch 2.x preferred;
falls back to whatever `torch` imports). Writes test/golden/nn-*.json.
Float tensors are stored as their exact values (a float32 widened to a Python
float round-trips through JSON exactly), so the tests can demand bit equality.
"""
import os

# The reference numbers are AVX2 ones (../shared/reference); force that kernel set
# so a machine with AVX512 produces the same bits.
os.environ.setdefault("ATEN_CPU_CAPABILITY", "avx2")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import hashlib
import json
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden")


def enc(t):
    t = t.detach().contiguous()
    d = {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape)}
    d["values"] = t.reshape(-1).tolist()
    return d


def sha(t):
    return hashlib.sha256(t.detach().contiguous().numpy().tobytes()).hexdigest()


def write(name, obj):
    obj["meta"] = {"torch": torch.__version__, "generator": "scripts/golden/nn.py"}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------- modules
def modules_golden():
    class Network(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(784, 256)
            self.output = nn.Linear(256, 10)
            self.sigmoid = nn.Sigmoid()
            self.softmax = nn.Softmax(dim=1)

        def forward(self, x):
            return self.softmax(self.output(self.sigmoid(self.hidden(x))))

    class Outer(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Flatten(), nn.Linear(4, 3), nn.ReLU())
            self.head = nn.Sequential(OrderedDict([("fc", nn.Linear(3, 2)), ("act", nn.LogSoftmax(dim=1))]))
            self.drop = nn.Dropout(p=0.2)
            self.scale = nn.Parameter(torch.ones(2))
            self.register_buffer("count", torch.zeros(1))

    class Empty(nn.Module):
        pass

    class FcNetwork(nn.Module):  # the tutorial's fc_model.Network
        def __init__(self, input_size, output_size, hidden_layers, drop_p=0.5):
            super().__init__()
            self.hidden_layers = nn.ModuleList([nn.Linear(input_size, hidden_layers[0])])
            layer_sizes = zip(hidden_layers[:-1], hidden_layers[1:])
            self.hidden_layers.extend([nn.Linear(h1, h2) for h1, h2 in layer_sizes])
            self.output = nn.Linear(hidden_layers[-1], output_size)
            self.dropout = nn.Dropout(p=drop_p)

    reprs = OrderedDict()
    cases = OrderedDict([
        ("Linear(784, 256)", lambda: nn.Linear(784, 256)),
        ("Linear(3, 2, bias=False)", lambda: nn.Linear(3, 2, bias=False)),
        ("ReLU()", lambda: nn.ReLU()),
        ("Sigmoid()", lambda: nn.Sigmoid()),
        ("Tanh()", lambda: nn.Tanh()),
        ("Softmax(dim=1)", lambda: nn.Softmax(dim=1)),
        ("Softmax()", lambda: nn.Softmax()),
        ("LogSoftmax(dim=1)", lambda: nn.LogSoftmax(dim=1)),
        ("Dropout(p=0.2)", lambda: nn.Dropout(p=0.2)),
        ("Dropout()", lambda: nn.Dropout()),
        ("Flatten()", lambda: nn.Flatten()),
        ("Flatten(0, -1)", lambda: nn.Flatten(0, -1)),
        ("Identity()", lambda: nn.Identity()),
        ("CrossEntropyLoss()", lambda: nn.CrossEntropyLoss()),
        ("NLLLoss()", lambda: nn.NLLLoss()),
        ("MSELoss()", lambda: nn.MSELoss()),
        ("Sequential()", lambda: nn.Sequential()),
        ("Sequential(tutorial)", lambda: nn.Sequential(
            nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10), nn.Softmax(dim=1))),
        ("Sequential(OrderedDict)", lambda: nn.Sequential(OrderedDict([
            ("fc1", nn.Linear(784, 128)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(128, 64)),
            ("relu2", nn.ReLU()), ("output", nn.Linear(64, 10)), ("softmax", nn.Softmax(dim=1))]))),
        ("Network", lambda: Network()),
        ("Outer", lambda: Outer()),
        ("Empty", lambda: Empty()),
        ("FcNetwork", lambda: FcNetwork(784, 10, [512, 256, 128])),
        ("ModuleList(repeated)", lambda: nn.ModuleList([nn.Linear(4, 4) for _ in range(3)] + [nn.ReLU(), nn.ReLU(), nn.Linear(4, 2)])),
        ("ModuleList()", lambda: nn.ModuleList()),
    ])
    for k, f in cases.items():
        reprs[k] = repr(f())

    seq = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2), nn.Tanh())
    indexing = {
        "seq[0]": repr(seq[0]), "seq[-1]": repr(seq[-1]), "seq[1:3]": repr(seq[1:3]),
        "seq[::2]": repr(seq[::2]), "len": len(seq),
    }
    ml = nn.ModuleList([nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)])
    indexing["modulelist[1:]"] = repr(ml[1:])
    indexing["modulelist[-1]"] = repr(ml[-1])
    ml.insert(1, nn.Tanh())
    indexing["modulelist.insert"] = repr(ml)
    o = Outer()
    struct = {
        "named_parameters": [[n, list(p.shape)] for n, p in o.named_parameters()],
        "state_dict": [[n, list(p.shape)] for n, p in o.state_dict().items()],
        "named_children": [[n, type(m).__name__] for n, m in o.named_children()],
        "modules": [type(m).__name__ for m in o.modules()],
        "named_modules": [n for n, _ in o.named_modules()],
        "named_buffers": [n for n, _ in o.named_buffers()],
    }
    errors = {}
    try:
        nn.Linear(4, 3).load_state_dict({"weight": torch.zeros(3, 4), "bias": torch.zeros(3), "extra": torch.zeros(1)})
    except Exception as e:
        errors["unexpected"] = [type(e).__name__, str(e)]
    try:
        nn.Linear(4, 3).load_state_dict({"weight": torch.zeros(3, 4)})
    except Exception as e:
        errors["missing"] = [type(e).__name__, str(e)]
    try:
        o.load_state_dict({"scale": torch.zeros(2)})
    except Exception as e:
        errors["missing_many"] = [type(e).__name__, str(e)]
    try:
        nn.Linear(4, 3).load_state_dict({"weight": torch.zeros(3, 5), "bias": torch.zeros(3)})
    except Exception as e:
        errors["size_mismatch"] = [type(e).__name__, str(e)]
    try:
        nn.Linear(4, 3)(torch.zeros(2, 5))
    except Exception as e:
        errors["linear_shape"] = [type(e).__name__, str(e)]
    try:
        nn.Linear(4, 3).nope
    except Exception as e:
        errors["getattr"] = [type(e).__name__, str(e)]
    r = nn.Linear(4, 3).load_state_dict({"weight": torch.zeros(3, 4)}, strict=False)
    errors["nonstrict_result"] = repr(r)
    errors["strict_ok_result"] = repr(nn.Linear(4, 3).load_state_dict(nn.Linear(4, 3).state_dict()))

    # Linear init, bit exact. Sequences check that later draws follow on.
    init = OrderedDict()
    torch.manual_seed(0)
    l1 = nn.Linear(5, 3)
    l2 = nn.Linear(3, 2, bias=False)
    l3 = nn.Linear(2, 7)
    init["seed0_5_3_then_3_2_nobias_then_2_7"] = [enc(l1.weight), enc(l1.bias), enc(l2.weight), enc(l3.weight), enc(l3.bias)]
    torch.manual_seed(7)
    m = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    init["seed7_mlp_sha256"] = [[n, list(p.shape), sha(p)] for n, p in m.named_parameters()]
    init["seed7_mlp_first"] = [[n, p.reshape(-1)[:6].tolist()] for n, p in m.named_parameters()]

    # nn.init functions (numel < 16 exercises the serial normal path, >= 16 the fill path)
    fns = OrderedDict()

    def rec(name, shape, f, seed):
        torch.manual_seed(seed)
        t = torch.empty(*shape)
        f(t)
        fns[name] = enc(t)

    rec("normal_(3,4)", (3, 4), lambda t: nn.init.normal_(t), 1)
    rec("normal_(4,8,mean=1,std=0.5)", (4, 8), lambda t: nn.init.normal_(t, 1.0, 0.5), 1)
    rec("uniform_(3,5,-2,3)", (3, 5), lambda t: nn.init.uniform_(t, -2.0, 3.0), 2)
    rec("zeros_(2,3)", (2, 3), lambda t: nn.init.zeros_(t), 0)
    rec("ones_(2,3)", (2, 3), lambda t: nn.init.ones_(t), 0)
    rec("constant_(2,3,0.3)", (2, 3), lambda t: nn.init.constant_(t, 0.3), 0)
    rec("kaiming_uniform_(6,5)", (6, 5), lambda t: nn.init.kaiming_uniform_(t), 3)
    rec("kaiming_uniform_(6,5,a=sqrt5)", (6, 5), lambda t: nn.init.kaiming_uniform_(t, a=5 ** 0.5), 3)
    rec("kaiming_normal_(6,5)", (6, 5), lambda t: nn.init.kaiming_normal_(t), 4)
    rec("kaiming_normal_(6,5,fan_out)", (6, 5), lambda t: nn.init.kaiming_normal_(t, mode="fan_out"), 4)
    rec("kaiming_normal_(4,3,2,2,fan_out,relu)", (4, 3, 2, 2), lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu"), 4)
    rec("xavier_uniform_(6,5)", (6, 5), lambda t: nn.init.xavier_uniform_(t), 5)
    rec("xavier_uniform_(6,5,gain=2)", (6, 5), lambda t: nn.init.xavier_uniform_(t, gain=2.0), 5)
    rec("xavier_normal_(6,5)", (6, 5), lambda t: nn.init.xavier_normal_(t), 6)
    rec("xavier_normal_(2,3)", (2, 3), lambda t: nn.init.xavier_normal_(t), 6)
    rec("kaiming_uniform_(4,3,2,2)", (4, 3, 2, 2), lambda t: nn.init.kaiming_uniform_(t), 8)
    gains = {n: nn.init.calculate_gain(n) for n in ["linear", "sigmoid", "tanh", "relu"]}
    gains["leaky_relu"] = nn.init.calculate_gain("leaky_relu")
    gains["leaky_relu_sqrt5"] = nn.init.calculate_gain("leaky_relu", 5 ** 0.5)

    # Dropout: mask drawn with bernoulli_ from the default generator.
    drop = OrderedDict()
    for seed, p, shape in [(3, 0.2, (4, 5)), (11, 0.5, (40,)), (0, 0.9, (3, 7))]:
        torch.manual_seed(seed)
        x = torch.arange(1, 1 + torch.Size(shape).numel(), dtype=torch.float32).reshape(shape)
        x.requires_grad_(True)
        y = nn.Dropout(p)(x)
        nxt = torch.rand(3)
        y.sum().backward()
        drop[f"seed{seed}_p{p}_{list(shape)}"] = {
            "p": p, "seed": seed, "input": enc(x), "output": enc(y), "grad": enc(x.grad),
            "grad_fn": type(y.grad_fn).__name__, "next_rand": enc(nxt)}
    torch.manual_seed(3)
    d = nn.Dropout(0.2)
    d.eval()
    xe = torch.ones(5)
    ye = d(xe)
    drop["eval_identity"] = {"same_object": ye is xe, "next_rand": enc(torch.rand(2))}

    # Flatten / Softmax / functional values on a fixed input
    x = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 10 - 1
    act = OrderedDict()
    act["input"] = enc(x)
    act["Flatten()"] = enc(nn.Flatten()(x))
    act["Flatten(0,1)"] = enc(nn.Flatten(0, 1)(x))
    act["ReLU"] = enc(nn.ReLU()(x))
    act["Sigmoid"] = enc(nn.Sigmoid()(x))
    act["Tanh"] = enc(nn.Tanh()(x))
    act["Softmax(dim=1)"] = enc(nn.Softmax(dim=1)(x))
    act["LogSoftmax(dim=2)"] = enc(nn.LogSoftmax(dim=2)(x))
    act["Softmax(dim=-1)"] = enc(F.softmax(x, dim=-1))
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        act["Softmax()"] = enc(nn.Softmax()(x[0]))
        F.log_softmax(x[0])
        act["implicit_dim_warnings"] = [str(m.message) for m in w]

    # F.linear's dispatch shows in grad_fn: addmm for 2-D, flatten-addmm-view
    # for other contiguous inputs, matmul (+ add) otherwise
    lin = OrderedDict()
    torch.manual_seed(0)
    lb, ln = nn.Linear(4, 3), nn.Linear(4, 3, bias=False)
    for name, x in [("1d", torch.randn(4)), ("2d", torch.randn(2, 4)), ("3d", torch.randn(2, 5, 4)),
                    ("4d", torch.randn(2, 2, 2, 4)), ("3d_noncontig", torch.randn(2, 5, 4).transpose(0, 1))]:
        yb, yn = lb(x), ln(x)
        lin[name] = {"input": enc(x), "input_shape": list(x.shape), "bias_out": enc(yb), "bias_grad_fn": type(yb.grad_fn).__name__,
                     "nobias_grad_fn": type(yn.grad_fn).__name__, "nobias_out": enc(yn)}
    lin["weight"] = enc(lb.weight)
    lin["bias"] = enc(lb.bias)
    lin["weight_nobias"] = enc(ln.weight)

    write("nn-modules.json", {"linear_dispatch": lin, "reprs": reprs, "indexing": indexing, "structure": struct, "errors": errors,
                              "linear_init": init, "init": fns, "gains": gains, "dropout": drop, "activations": act})


# ---------------------------------------------------------------- losses
def losses_golden():
    out = OrderedDict()
    torch.manual_seed(21)
    logits = torch.randn(5, 4)
    target = torch.tensor([1, 0, 3, 3, 2])
    pred = torch.randn(3, 4)
    goal = torch.randn(3, 4)
    logp = F.log_softmax(logits, dim=1).detach()
    gout_none = torch.tensor([0.5, -1.0, 2.0, 0.25, 1.5])
    gout_mse = torch.arange(12, dtype=torch.float32).reshape(3, 4) / 4 - 1
    out["inputs"] = {"logits": enc(logits), "target": enc(target), "pred": enc(pred), "goal": enc(goal),
                     "logp": enc(logp), "gout_none": enc(gout_none), "gout_mse": enc(gout_mse)}
    for red in ["mean", "sum", "none"]:
        for name, mod, a, b, go in [
            ("CrossEntropyLoss", nn.CrossEntropyLoss, logits, target, gout_none),
            ("NLLLoss", nn.NLLLoss, logp, target, gout_none),
            ("MSELoss", nn.MSELoss, pred, goal, gout_mse),
        ]:
            inp = a.clone().requires_grad_(True)
            loss = mod(reduction=red)(inp, b)
            if red == "none":
                loss.backward(go)
            else:
                loss.backward()
            out[f"{name}:{red}"] = {"loss": enc(loss), "grad": enc(inp.grad),
                                    "grad_fn": type(loss.grad_fn).__name__, "repr": repr(loss)}
    # class weights and ignore_index
    cw = torch.tensor([0.5, 2.0, 1.0, 0.25])
    out["class_weight"] = enc(cw)
    for red in ["mean", "sum", "none"]:
        for ign in [-100, 3]:
            inp = logp.clone().requires_grad_(True)
            loss = F.nll_loss(inp, target, weight=cw, ignore_index=ign, reduction=red)
            loss.backward(gout_none if red == "none" else None)
            out[f"nll_weighted:{red}:ignore{ign}"] = {"loss": enc(loss), "grad": enc(inp.grad)}
    # cross entropy with float64 inputs and the 1-D (single sample) form
    inp = logits.double().requires_grad_(True)
    l = F.cross_entropy(inp, target)
    l.backward()
    out["cross_entropy:float64"] = {"loss": enc(l), "grad": enc(inp.grad), "grad_fn": type(l.grad_fn).__name__}
    inp = logits[0].clone().requires_grad_(True)
    l = F.cross_entropy(inp, target[0])
    l.backward()
    out["cross_entropy:1d"] = {"loss": enc(l), "grad": enc(inp.grad)}
    errs = {}
    for k, f in [
        ("nll_target_oob", lambda: F.nll_loss(logp, torch.tensor([1, 0, 4, 3, 2]))),
        ("nll_batch_mismatch", lambda: F.nll_loss(logp, torch.tensor([1, 0, 3]))),
        ("nll_float_target", lambda: F.nll_loss(logp, torch.tensor([1., 0., 3., 3., 2.]))),
        ("ce_batch_mismatch", lambda: F.cross_entropy(logits, torch.tensor([1, 0, 3]))),
    ]:
        try:
            f()
        except Exception as e:
            errs[k] = [type(e).__name__, str(e)]
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        F.mse_loss(pred, goal[0:1, :].expand(1, 4).reshape(4))
        errs["mse_broadcast_warning"] = str(w[0].message) if w else ""
    out["errors"] = errs
    write("nn-losses.json", out)


# ---------------------------------------------------------------- optim
def optim_golden():
    out = OrderedDict()
    # (1) pure optimizer formulas: fixed grads fed to one parameter
    torch.manual_seed(5)
    p0 = torch.randn(2, 3)
    grads = [torch.randn(2, 3) for _ in range(5)]
    out["param0"] = enc(p0)
    out["grads"] = [enc(g) for g in grads]
    configs = OrderedDict([
        ("SGD(lr=0.1)", lambda ps: torch.optim.SGD(ps, lr=0.1)),
        ("SGD(lr=0.05,momentum=0.9)", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)),
        ("SGD(lr=0.05,momentum=0.9,dampening=0.1,weight_decay=0.01)",
         lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, dampening=0.1, weight_decay=0.01)),
        ("SGD(lr=0.05,momentum=0.9,nesterov=True)", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True)),
        ("SGD(lr=0.1,weight_decay=0.1)", lambda ps: torch.optim.SGD(ps, lr=0.1, weight_decay=0.1)),
        ("Adam(lr=0.001)", lambda ps: torch.optim.Adam(ps, lr=0.001)),
        ("Adam(lr=0.01,betas=(0.8,0.95),eps=1e-6)", lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.8, 0.95), eps=1e-6)),
        ("Adam(lr=0.01,weight_decay=0.1)", lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1)),
        ("Adam(lr=0.01,amsgrad=True)", lambda ps: torch.optim.Adam(ps, lr=0.01, amsgrad=True)),
    ])
    traj = OrderedDict()
    for name, make in configs.items():
        p = p0.clone().requires_grad_(True)
        opt = make([p])
        steps = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            steps.append(enc(p))
        sd = opt.state_dict()
        traj[name] = {"steps": steps, "param_groups": repr(sd["param_groups"]),
                      "state_keys": sorted(sd["state"].get(0, {}).keys()), "repr": repr(opt)}
    out["trajectories"] = traj

    # (2) a training loop end to end: model, loss, optimizer, zero_grad
    torch.manual_seed(0)
    x = torch.randn(8, 4)
    y = torch.tensor([0, 1, 1, 0, 1, 0, 0, 1])
    loops = OrderedDict()
    for name, make in [("SGD", lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9)),
                       ("Adam", lambda ps: torch.optim.Adam(ps, lr=0.01))]:
        torch.manual_seed(1)
        model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2), nn.LogSoftmax(dim=1))
        init = [enc(p) for p in model.parameters()]
        opt = make(model.parameters())
        crit = nn.NLLLoss()
        losses = []
        for _ in range(4):
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        loops[name] = {"init": init, "losses": losses, "params": [enc(p) for p in model.parameters()],
                       "grad_is_none_after_zero_grad": None}
        opt.zero_grad()
        loops[name]["grad_is_none_after_zero_grad"] = all(p.grad is None for p in model.parameters())
    out["loops"] = {"x": enc(x), "y": enc(y), "runs": loops}

    # (3) the shared reference's mlp_sgd case, regenerated here so the tests
    # need nothing outside the repository
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2), nn.LogSoftmax(dim=1))
    x = torch.tensor([[0.1, 0.2, 0.3, 0.4], [-0.5, 0.6, -0.7, 0.8], [1.0, -1.0, 0.5, -0.5], [0.0, 0.25, -0.25, 2.0]])
    y = torch.tensor([0, 1, 1, 0])
    before = [[n, enc(p)] for n, p in model.named_parameters()]
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    opt.zero_grad()
    output = model(x)
    loss = nn.NLLLoss()(output, y)
    loss.backward()
    grads = [[n, enc(p.grad)] for n, p in model.named_parameters()]
    opt.step()
    out_after = model(x)
    out["mlp_sgd"] = {"input": enc(x), "target": enc(y), "params_before": before, "output": enc(output),
                      "loss": enc(loss), "loss_grad_fn": type(loss.grad_fn).__name__,
                      "output_grad_fn": type(output.grad_fn).__name__, "grads": grads,
                      "params_after": [[n, enc(p)] for n, p in model.named_parameters()],
                      "output_after": enc(out_after), "loss_after": enc(nn.NLLLoss()(out_after, y))}
    errs = {}
    for k, f in [("sgd_neg_lr", lambda: torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=-1)),
                 ("sgd_nesterov", lambda: torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, nesterov=True)),
                 ("adam_beta", lambda: torch.optim.Adam([torch.zeros(1, requires_grad=True)], betas=(1.0, 0.9))),
                 ("empty", lambda: torch.optim.SGD([], lr=0.1))]:
        try:
            f()
        except Exception as e:
            errs[k] = [type(e).__name__, str(e)]
    out["errors"] = errs
    write("nn-optim.json", out)


# ---------------------------------------------------------------- data
def data_golden():
    out = OrderedDict()
    cases = OrderedDict()
    for seed, n, bs, shuffle, drop_last, epochs in [
        (0, 10, 3, True, False, 2), (0, 10, 3, True, True, 1), (42, 7, 2, False, False, 1),
        (7, 64, 16, True, False, 2), (123, 5, 5, True, False, 1), (9, 100, 32, True, True, 1)]:
        torch.manual_seed(seed)
        xs = torch.arange(n * 2, dtype=torch.float32).reshape(n, 2)
        ys = torch.arange(n)
        loader = DataLoader(TensorDataset(xs, ys), batch_size=bs, shuffle=shuffle, drop_last=drop_last)
        batches = []
        for _ in range(epochs):
            batches.append([[list(b[0].shape), b[1].tolist()] for b in loader])
        cases[f"seed{seed}_n{n}_bs{bs}_shuffle{shuffle}_drop{drop_last}"] = {
            "seed": seed, "n": n, "batch_size": bs, "shuffle": shuffle, "drop_last": drop_last,
            "len": len(loader), "epochs": batches, "next_rand": enc(torch.rand(3))}
    out["loaders"] = cases
    torch.manual_seed(0)
    ds = TensorDataset(torch.arange(10.0), torch.arange(10))
    first = ds[3]
    out["tensor_dataset"] = {"len": len(ds), "item3": [first[0].item(), first[1].item()],
                             "item3_repr": repr(first)}
    torch.manual_seed(4)
    a, b = random_split(range(10), [7, 3])
    out["random_split"] = {"seed": 4, "lengths": [7, 3], "indices": [list(a.indices), list(b.indices)],
                           "next_rand": enc(torch.rand(2))}
    torch.manual_seed(4)
    a, b, c = random_split(range(10), [0.5, 0.3, 0.2])
    out["random_split_frac"] = {"seed": 4, "fractions": [0.5, 0.3, 0.2],
                                "indices": [list(a.indices), list(b.indices), list(c.indices)]}
    # a batch of a dataset whose items are (tensor, int)
    errs = {}
    try:
        TensorDataset(torch.zeros(3), torch.zeros(4))
    except Exception as e:
        errs["size_mismatch"] = [type(e).__name__, str(e)]
    out["errors"] = errs
    write("nn-data.json", out)


if __name__ == "__main__":
    modules_golden()
    losses_golden()
    optim_golden()
    data_golden()
    print("wrote", ", ".join(sorted(f for f in os.listdir(OUT) if f.startswith("nn-"))))
