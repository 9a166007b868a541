#!/usr/bin/env python3
"""Runs every test/conformance/**/*.py with real Python (and PyTorch) and writes,
beside each program, NAME.out (its stdout, byte for byte) and, when it fails,
NAME.err (the last line of its traceback: "ValueError: message") and, when
every frame of the traceback is in the program itself, NAME.tb: the whole
traceback with the program named by its path under test/conformance (as the
test runs it), so that frames, carets and exception chains are checked too;
and when it warned, NAME.warn: the warnings as Python printed them.
Torch programs run with ATEN_CPU_CAPABILITY=avx2 (the project's reference
kernel set) unless the environment sets another.

Usage: scripts/golden/conformance.py [DIR_OR_FILE ...]   (default: every folder
except those with their own pipeline: NAME.expected files or a golden.sh)
Prefers the project's venv (.venv-torch: Python 3.11 + torch 2.x) so torch
programs work; falls back to /usr/bin/python3. The interpreter and torch
versions used are written to test/conformance/<folder>/VERSION.txt.
"""
import os
import re
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
    text = '\n'.join(without_warnings(text.splitlines())) + ('\n' if text.endswith('\n') else '')  # NAME.warn holds them
    files = [l for l in text.splitlines() if l.startswith('  File "')]
    if any(not l.startswith('  File ' + shown) for l in files):
        return None
    return text


WARNING = re.compile(r'^(.*):(\d+): (\w*Warning): (.*)$')


def without_warnings(lines):
    """stderr without the warnings' two-line blocks."""
    out = []
    skip_source = False
    for line in lines:
        if WARNING.match(line):
            skip_source = True
            continue
        if skip_source and line.startswith('  '):
            skip_source = False
            continue
        skip_source = False
        out.append(line)
    return out


def warnings_of(stderr, path):
    """The warnings Python printed, as NAME.warn holds them: those it placed
    in the program, in its two-line form with the program named by its path
    under test/conformance; those it placed in a library's file (torch's own
    stacklevel) as '(elsewhere) Category: message', since Tensor Lens places
    every warning in the program. None when there were none."""
    shown = os.path.relpath(path, CONF)
    lines = stderr.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = WARNING.match(line)
        if not m:
            continue
        src = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].startswith('  ') else None
        if m.group(1) == path:
            out.append(f'{shown}:{m.group(2)}: {m.group(3)}: {m.group(4)}')
            if src is not None:
                out.append(src)
        else:
            out.append(f'(elsewhere) {m.group(3)}: {m.group(4)}')
    return '\n'.join(out) + '\n' if out else None


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
        warn_path = base + '.warn'
        warned = warnings_of(r.stderr.decode('utf-8'), path)
        if warned is not None:
            with open(warn_path, 'w') as f:
                f.write(warned)
        elif os.path.exists(warn_path):
            os.remove(warn_path)
        dirs.add(folder)
        print(f'{os.path.relpath(path, ROOT)}: rc={r.returncode} ({len(r.stdout)} bytes)')
    for d in dirs:
        if os.path.basename(d) == 'lang':
            with open(os.path.join(d, 'VERSION.txt'), 'w') as v:
                v.write(version + '\n')


if __name__ == '__main__':
    main(sys.argv[1:])
