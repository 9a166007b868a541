"""Golden op cases for the activations and losses of area `act`: leaky_relu,
selu, celu, logsigmoid, hardtanh, relu6, mish, hardswish, hardsigmoid, prelu,
gelu (exact and tanh), elu, silu, softplus, erf, binary_cross_entropy(_with_logits),
l1/smooth_l1/huber losses and kl_div, across dtypes, layouts and reductions.
Writes test/golden/ops-act.json; op keys are in test/golden/ops-table-act.ts."""
import torch
import torch.nn.functional as F

from opcase import In, case, write, f64

TRANS = dict(exact=False)

# ---- activations
for name, fn, kw in [
    ('leaky_relu', F.leaky_relu, {}),
    ('leaky_relu', F.leaky_relu, {'negative_slope': 0.2}),
    ('gelu', F.gelu, {}),
    ('gelu', F.gelu, {'approximate': 'tanh'}),
    ('elu', F.elu, {}),
    ('elu', F.elu, {'alpha': 0.5}),
    ('silu', F.silu, {}),
    ('softplus', F.softplus, {}),
    ('softplus', F.softplus, {'beta': 2.0, 'threshold': 3.0}),
    ('erf', torch.erf, {}),
    ('selu', F.selu, {}),
    ('celu', F.celu, {}),
    ('celu', F.celu, {'alpha': 0.5}),
    ('logsigmoid', F.logsigmoid, {}),
    ('hardtanh', F.hardtanh, {}),
    ('hardtanh', F.hardtanh, {'min_val': -0.5, 'max_val': 0.8}),
    ('relu6', lambda t: F.relu6(t * 4), {}),
    ('mish', F.mish, {}),
    ('hardswish', lambda t: F.hardswish(t * 3), {}),
    ('hardsigmoid', lambda t: F.hardsigmoid(t * 3), {}),
]:
    tag = name + ''.join(f'_{k}{v}' for k, v in kw.items())
    exact = name in ('leaky_relu', 'hardtanh')
    case(f'act_{tag}_f32', f'act_{name}', [In([3, 5])], fn, kw, exact=exact, grad_exact=False)
    case(f'act_{tag}_f64', f'act_{name}', [In([3, 5], f64)], fn, kw, exact=False)
    case(f'act_{tag}_transposed', f'act_{name}', [In([3, 5], layout='t')], fn, kw, exact=exact, grad_exact=False)
    case(f'act_{tag}_strided', f'act_{name}', [In([2, 4], layout='s')], fn, kw, exact=exact, grad_exact=False)
case('act_leaky_relu_zero', 'act_leaky_relu', [In([5], values=[-1., 0., 1., -0.5, 2.])], F.leaky_relu)
case('act_erf_wide', 'act_erf', [In([12], values=[-6., -3.5, -2.6, -2.4, -1., -1e-4, 0., 1e-6, 0.5, 0.9, 2.5, 4.5])], torch.erf, exact=False)
case('act_erf_wide_f64', 'act_erf', [In([12], f64, values=[-6., -3.5, -2.6, -2.4, -1., -1e-4, 0., 1e-6, 0.5, 0.9, 2.5, 4.5])], torch.erf, exact=False)
case('act_softplus_large', 'act_softplus', [In([4], values=[-30., -1., 19., 25.])], F.softplus, exact=False)
case('act_hardswish_bounds', 'act_hardswish', [In([7], values=[-4., -1., -1 / 3, 0., 1 / 3, 1., 4. / 3])], lambda t: F.hardswish(t * 3), exact=False)
case('act_hardsigmoid_bounds', 'act_hardsigmoid', [In([7], values=[-4., -1., -1 / 3, 0., 1 / 3, 1., 4. / 3])], lambda t: F.hardsigmoid(t * 3), exact=False)
case('act_hardtanh_bounds', 'act_hardtanh', [In([6], values=[-2., -1., -0.5, 0.5, 1., 2.])], F.hardtanh)
case('act_hardtanh_int', 'act_hardtanh', [In([6], torch.int64, lo=-3, hi=3)], F.hardtanh)
case('act_hardtanh_bad', 'act_hardtanh', [In([3])], F.hardtanh, {'min_val': 1.0, 'max_val': -1.0})
case('act_celu_zero', 'act_celu', [In([3])], F.celu, {'alpha': 0.0})
case('act_logsigmoid_large', 'act_logsigmoid', [In([4], values=[-120., -20., 20., 120.])], F.logsigmoid, exact=False)
def slopes(n, dtype=torch.float32):
    i = In([n], dtype)
    i.base = i.base.abs() * 0.3
    return i


case('act_prelu_shared', 'act_prelu', [In([3, 4]), slopes(1)], F.prelu, exact=False)
case('act_prelu_channels', 'act_prelu', [In([2, 3, 2, 2]), slopes(3)], F.prelu, exact=False)
case('act_prelu_channels_t', 'act_prelu', [In([3, 4], layout='t'), slopes(4)], F.prelu, exact=False)
case('act_prelu_1d', 'act_prelu', [In([5]), slopes(1)], F.prelu, exact=False)
case('act_prelu_f64', 'act_prelu', [In([2, 3], f64), slopes(3, f64)], F.prelu, exact=False)
case('act_prelu_mismatch', 'act_prelu', [In([2, 3]), slopes(2)], F.prelu)
case('act_gelu_bad', 'act_gelu', [In([3])], F.gelu, {'approximate': 'foo'})

# ---- binary cross entropy
def probs(shape, dtype=torch.float32, layout='c'):
    i = In(shape, dtype, layout=layout)
    i.base = torch.sigmoid(i.base)
    return i

def targets(shape, dtype=torch.float32, grad=False):
    i = In(shape, dtype, grad=grad)
    i.base = torch.sigmoid(i.base * 2)
    return i

for red in ['mean', 'sum', 'none']:
    case(f'act_bce_{red}', 'act_bce', [probs([4, 3]), targets([4, 3])], F.binary_cross_entropy, {'reduction': red}, **TRANS)
    case(f'act_bce_logits_{red}', 'act_bce_logits', [In([4, 3]), targets([4, 3])], F.binary_cross_entropy_with_logits, {'reduction': red}, **TRANS)
case('act_bce_f64', 'act_bce', [probs([5], f64), targets([5], f64)], F.binary_cross_entropy, **TRANS)
case('act_bce_transposed', 'act_bce', [probs([3, 4], layout='t'), targets([3, 4])], F.binary_cross_entropy, **TRANS)
case('act_bce_target_grad', 'act_bce', [probs([2, 3]), targets([2, 3], grad=True)], F.binary_cross_entropy, **TRANS)
case('act_bce_weight', 'act_bce', [probs([4, 3]), targets([4, 3]), In([3], grad=False)], lambda x, t, w: F.binary_cross_entropy(x, t, weight=w), **TRANS)
case('act_bce_zero_one', 'act_bce', [In([4], values=[0., 1., 0.5, 1e-30]), In([4], values=[1., 0., 1., 1.], grad=False)], F.binary_cross_entropy, {'reduction': 'none'}, **TRANS)
case('act_bce_size', 'act_bce', [probs([3]), targets([4])], F.binary_cross_entropy)
case('act_bce_range', 'act_bce', [In([3], values=[0.5, 1.5, 0.2]), targets([3])], F.binary_cross_entropy)
case('act_bce_target_range', 'act_bce', [probs([3]), In([3], values=[0., 2., 1.], grad=False)], F.binary_cross_entropy)
case('act_bce_logits_f64', 'act_bce_logits', [In([5], f64), targets([5], f64)], F.binary_cross_entropy_with_logits, **TRANS)
case('act_bce_logits_large', 'act_bce_logits', [In([4], values=[-120., -20., 20., 120.]), In([4], values=[1., 0., 1., 0.], grad=False)], F.binary_cross_entropy_with_logits, {'reduction': 'none'}, **TRANS)
case('act_bce_logits_pos_weight', 'act_bce_logits', [In([4, 3]), targets([4, 3]), None, In([3], grad=False, positive=True)],
     lambda x, t, w, pw: F.binary_cross_entropy_with_logits(x, t, pos_weight=pw), **TRANS)
case('act_bce_logits_weight', 'act_bce_logits', [In([4, 3]), targets([4, 3]), In([4, 1], grad=False)],
     lambda x, t, w: F.binary_cross_entropy_with_logits(x, t, weight=w), **TRANS)
case('act_bce_logits_target_grad', 'act_bce_logits', [In([2, 3]), targets([2, 3], grad=True), None, In([3], grad=False, positive=True)],
     lambda x, t, w, pw: F.binary_cross_entropy_with_logits(x, t, pos_weight=pw), **TRANS)
case('act_bce_logits_size', 'act_bce_logits', [In([3, 1]), targets([3])], F.binary_cross_entropy_with_logits)

# ---- l1, smooth l1, huber, kl_div
for red in ['mean', 'sum', 'none']:
    case(f'act_l1_{red}', 'act_l1', [In([4, 3]), In([4, 3])], F.l1_loss, {'reduction': red}, **TRANS)
    case(f'act_smooth_l1_{red}', 'act_smooth_l1', [In([4, 3]), In([4, 3])], F.smooth_l1_loss, {'reduction': red}, **TRANS)
    case(f'act_huber_{red}', 'act_huber', [In([4, 3]), In([4, 3])], F.huber_loss, {'reduction': red}, **TRANS)
case('act_l1_broadcast', 'act_l1', [In([4, 1]), In([3])], F.l1_loss, **TRANS)
case('act_smooth_l1_broadcast', 'act_smooth_l1', [In([4, 1]), In([3])], F.smooth_l1_loss, {'beta': 0.5}, **TRANS)
case('act_huber_broadcast', 'act_huber', [In([2, 3]), In([3], layout='c')], F.huber_loss, {'reduction': 'sum'}, **TRANS)
case('act_l1_f64', 'act_l1', [In([5], f64), In([5], f64)], F.l1_loss, **TRANS)
case('act_l1_transposed', 'act_l1', [In([3, 4], layout='t'), In([3, 4])], F.l1_loss, **TRANS)
case('act_smooth_l1_beta', 'act_smooth_l1', [In([4, 3]), In([4, 3])], F.smooth_l1_loss, {'beta': 0.5}, **TRANS)
case('act_smooth_l1_beta0', 'act_smooth_l1', [In([4, 3]), In([4, 3])], F.smooth_l1_loss, {'beta': 0.0}, **TRANS)
case('act_smooth_l1_f64', 'act_smooth_l1', [In([6], f64), In([6], f64)], F.smooth_l1_loss, {'beta': 2.0}, **TRANS)
case('act_smooth_l1_neg_beta', 'act_smooth_l1', [In([3]), In([3])], F.smooth_l1_loss, {'beta': -1.0})
case('act_huber_delta', 'act_huber', [In([4, 3]), In([4, 3])], F.huber_loss, {'delta': 0.3}, **TRANS)
case('act_huber_f64', 'act_huber', [In([6], f64), In([6], f64)], F.huber_loss, {'delta': 2.0}, **TRANS)
case('act_huber_bad_delta', 'act_huber', [In([3]), In([3])], F.huber_loss, {'delta': 0.0})


def kl_in(shape, dtype=torch.float32):
    i = In(shape, dtype)
    i.base = torch.log_softmax(i.base, dim=-1)
    return i


def kl_t(shape, dtype=torch.float32):
    i = In(shape, dtype, grad=False)
    i.base = torch.softmax(i.base, dim=-1)
    i.base[0, 0] = 0.0
    return i


for red in ['batchmean', 'sum', 'none']:
    case(f'act_kl_div_{red}', 'act_kl_div', [kl_in([3, 4]), kl_t([3, 4])], F.kl_div, {'reduction': red}, **TRANS)
case('act_kl_div_f64', 'act_kl_div', [kl_in([3, 4], f64), kl_t([3, 4], f64)], F.kl_div, {'reduction': 'batchmean'}, **TRANS)
case('act_kl_div_log_target', 'act_kl_div', [kl_in([3, 4]), kl_in([3, 4])], F.kl_div, {'reduction': 'batchmean', 'log_target': True}, **TRANS)

write('ops-act')
