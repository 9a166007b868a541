#!/usr/bin/env python3
"""Runs every test/conformance/**/*.py with real Python (and PyTorch) and writes,
beside each program, NAME.out (its stdout, byte for byte) and, when it fails,
NAME.err (the last line of its traceback: "ValueError: message") and, when
every frame of the traceback is in the program itself, NAME.tb: the whole
traceback with the program named by its path under test/conformance (as the
test runs it), so that frames, carets and exception chains are checked too.
Torch programs run with ATEN_CPU_CAPABILITY=avx2 (the project's reference
kernel set) unless the environment sets another.

Usage: scripts/golden/conformance.py [DIR_OR_FILE ...]   (default: every folder
except those with their own pipeline: NAME.expected files or a golden.sh)
Prefers the project's venv (.venv-torch: Python 3.11 + torch 2.x) so torch
programs work; falls back to /usr/bin/python3. The interpreter and torch
versions used are written to test/conformance/<folder>/VERSION.txt.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONF = os.path.join(ROOT, 'test', 'conformance')


def python():
    venv = os.path.join(ROOT, '.venv-torch', 'bin', 'python')
    return venv if os.path.exists(venv) else '/usr/bin/python3'


def own_pipeline(dirpath, files):
    """Folders with their own golden pipeline (NAME.expected files or a
    golden.sh, e.g. mnist/ whose programs need the bundled digits) are left
    to it unless named explicitly."""
    return 'golden.sh' in files or any(f.endswith('.expected') for f in files)


def programs(targets):
    explicit = bool(targets)
    if not targets:
        targets = [CONF]
    for t in targets:
        t = os.path.abspath(t)
        if os.path.isfile(t):
            yield t
            continue
        for dirpath, dirs, files in os.walk(t):
            if not explicit and own_pipeline(dirpath, files):
                dirs[:] = []
                continue
            for f in sorted(files):
                if f.endswith('.py'):
                    yield os.path.join(dirpath, f)


def own_traceback(stderr, path):
    """The traceback with the program's absolute path replaced by its name
    under test/conformance, or None when a frame lies elsewhere (torch's own
    files) or the program printed other things to stderr."""
    shown = '"' + os.path.relpath(path, CONF) + '"'
    text = stderr.replace('"' + path + '"', shown)
    files = [l for l in text.splitlines() if l.startswith('  File "')]
    if any(not l.startswith('  File ' + shown) for l in files):
        return None
    return text


def main(targets):
    py = python()
    version = subprocess.run(
        [py, '-c', 'import sys\ntry:\n import torch; t = " torch " + torch.__version__\nexcept Exception: t = ""\nprint("python " + sys.version.split()[0] + t)'],
        capture_output=True, text=True, check=True).stdout.strip()
    env = dict(os.environ, PYTHONHASHSEED='0', OMP_NUM_THREADS='1', PYTHONIOENCODING='utf-8')
    env.setdefault('ATEN_CPU_CAPABILITY', 'avx2')
    dirs = set()
    for path in programs(targets):
        folder = os.path.dirname(path)
        base = os.path.splitext(path)[0]
        r = subprocess.run([py, os.path.basename(path)], cwd=folder, capture_output=True, env=env, timeout=600)
        with open(base + '.out', 'wb') as out:
            out.write(r.stdout)
        err_path = base + '.err'
        tb_path = base + '.tb'
        tb = None
        if r.returncode != 0:
            stderr = r.stderr.decode('utf-8')
            lines = [l for l in stderr.splitlines() if l.strip()]
            with open(err_path, 'w') as err:
                err.write(lines[-1] + '\n')
            tb = own_traceback(stderr, path)
        elif os.path.exists(err_path):
            os.remove(err_path)
        if tb is not None:
            with open(tb_path, 'w') as f:
                f.write(tb)
        elif os.path.exists(tb_path):
            os.remove(tb_path)
        dirs.add(folder)
        print(f'{os.path.relpath(path, ROOT)}: rc={r.returncode} ({len(r.stdout)} bytes)')
    for d in dirs:
        if os.path.basename(d) == 'lang':
            with open(os.path.join(d, 'VERSION.txt'), 'w') as v:
                v.write(version + '\n')


if __name__ == '__main__':
    main(sys.argv[1:])
