#!/usr/bin/env python3
"""Runs every test/conformance/torch/*.py with real PyTorch and writes, beside
each program, NAME.out (its stdout, byte for byte) and, when it fails, NAME.err
(the last line of its traceback: "RuntimeError: message" — file paths in the
rest of a traceback differ from machine to machine).

Usage: scripts/golden/torch_conformance.py [NAME.py ...]
Prefers the project's PyTorch 2.x venv (.venv-torch), falls back to Debian's
/usr/bin/python3 (torch 1.13); the version used is written to VERSION.txt.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, 'test', 'conformance', 'torch')


def python():
    venv = os.path.join(ROOT, '.venv-torch', 'bin', 'python')
    return venv if os.path.exists(venv) else '/usr/bin/python3'


def main(names):
    py = python()
    version = subprocess.run([py, '-c', 'import torch; print(torch.__version__)'],
                             capture_output=True, text=True, check=True).stdout.strip()
    files = names or sorted(f for f in os.listdir(DIR) if f.endswith('.py'))
    env = dict(os.environ, PYTHONHASHSEED='0', OMP_NUM_THREADS='1', PYTHONIOENCODING='utf-8')
    for f in files:
        base = os.path.join(DIR, os.path.splitext(os.path.basename(f))[0])
        r = subprocess.run([py, base + '.py'], cwd=DIR, capture_output=True, env=env, timeout=600)
        with open(base + '.out', 'wb') as out:
            out.write(r.stdout)
        err_path = base + '.err'
        if r.returncode != 0:
            lines = [l for l in r.stderr.decode('utf-8').splitlines() if l.strip()]
            with open(err_path, 'w') as err:
                err.write(lines[-1] + '\n')
        elif os.path.exists(err_path):
            os.remove(err_path)
        print(f'{os.path.basename(base)}: rc={r.returncode} ({len(r.stdout)} bytes)')
    with open(os.path.join(DIR, 'VERSION.txt'), 'w') as v:
        v.write(f'torch {version}\n')


if __name__ == '__main__':
    main(sys.argv[1:])
