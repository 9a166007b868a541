"""Golden outputs of Python's `random` and numpy's legacy `np.random` for
test/unit/random-python.test.ts. Run through scripts/golden/run.sh. (Not named random.py: that would shadow
the standard library module it tests.)"""
import json
import os
import random
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'golden', 'random.json')


def py_cases():
    cases = []
    for seed in [0, 1, 7, 42, 123456789, 2**32 + 5, 2**40 + 3, -5, 2**64 + 17]:
        r = random.Random(seed)
        c = {'seed': str(seed)}
        c['random'] = [r.random() for _ in range(10)]
        c['randint_1_6'] = [r.randint(1, 6) for _ in range(20)]
        c['randint_0_1000000'] = [r.randint(0, 1000000) for _ in range(10)]
        c['randrange_10'] = [r.randrange(10) for _ in range(10)]
        c['randrange_3_30_4'] = [r.randrange(3, 30, 4) for _ in range(10)]
        xs = list(range(10))
        r.shuffle(xs)
        c['shuffle_10'] = xs
        c['choice_abcde'] = [r.choice('abcde') for _ in range(10)]
        c['uniform_-2_3'] = [r.uniform(-2, 3) for _ in range(5)]
        c['gauss'] = [r.gauss(0, 1) for _ in range(7)]
        c['gauss_5_2'] = [r.gauss(5, 2) for _ in range(3)]
        c['normalvariate'] = [r.normalvariate(0, 1) for _ in range(5)]
        c['sample_100_5'] = r.sample(range(100), 5)
        c['sample_10_4'] = r.sample(range(10), 4)
        c['getrandbits_40'] = [r.getrandbits(40) for _ in range(3)]
        c['random_after'] = [r.random() for _ in range(3)]
        cases.append(c)
    return cases


def np_cases():
    cases = []
    for seed in [0, 1, 42, 2**32 - 1, 123456789]:
        np.random.seed(seed)
        c = {'seed': seed}
        c['rand_5'] = np.random.rand(5).tolist()
        c['randn_7'] = np.random.randn(7).tolist()
        c['rand_after'] = np.random.rand(2).tolist()
        c['randint_0_10'] = np.random.randint(0, 10, size=12).tolist()
        c['randint_-5_5'] = np.random.randint(-5, 5, size=6).tolist()
        c['randint_0_2p33'] = np.random.randint(0, 2**33, size=4).tolist()
        c['randint_7_8'] = np.random.randint(7, 8, size=3).tolist()
        c['randint_0_2p32'] = np.random.randint(0, 2**32, size=3).tolist()
        c['permutation_10'] = np.random.permutation(10).tolist()
        a = np.arange(8)
        np.random.shuffle(a)
        c['shuffle_8'] = a.tolist()
        c['uniform_-1_2'] = np.random.uniform(-1, 2, size=3).tolist()
        c['normal_3_0.5'] = np.random.normal(3, 0.5, size=3).tolist()
        c['random_after'] = np.random.random(3).tolist()
        cases.append(c)
    return cases


def torch_cases():
    try:
        import torch
    except ImportError:
        return None
    out = {'version': torch.__version__}
    torch.manual_seed(0)
    a = torch.empty(5000).bernoulli_(0.3)
    out['bernoulli_5000_p0.3'] = ''.join(str(int(v)) for v in a.tolist())
    out['randint_after'] = torch.randint(0, 1000, (3,)).tolist()
    torch.manual_seed(3)
    m = torch.nn.functional.dropout(torch.ones(64, 256), 0.2)
    out['dropout_64x256_p0.2_seed3'] = ''.join('1' if v else '0' for v in (m != 0).reshape(-1).tolist())
    out['dropout_scale'] = m.max().item()
    torch.manual_seed(1)
    b = torch.empty(3, 7, dtype=torch.float64).bernoulli_(0.5)
    out['bernoulli_3x7_f64_seed1'] = ''.join(str(int(v)) for v in b.reshape(-1).tolist())
    return out


def main():
    data = {
        'generator': f'python {sys.version.split()[0]}, numpy {np.__version__}',
        'python': py_cases(),
        'numpy': np_cases(),
        'torch': torch_cases(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as fh:
        json.dump(data, fh, indent=1)
        fh.write('\n')


if __name__ == '__main__':
    main()
