#!/usr/bin/env python3
"""Golden helper for examples/notebook.ipynb where Jupyter is not installed:
runs the code cells in order in one namespace, as IPython does by default
(ast_node_interactivity='last_expr'): magic and shell lines (% and !) are
skipped, and a cell's last bare expression is displayed with repr() unless it
is None. usage: jupyter_emul.py NOTEBOOK.ipynb > OUT"""
import ast
import json
import sys

nb = json.load(open(sys.argv[1]))
namespace = {'__name__': '__main__'}
for cell in nb['cells']:
    if cell['cell_type'] != 'code':
        continue
    text = ''.join(cell['source'])
    text = '\n'.join('' if l.lstrip().startswith(('%', '!')) else l for l in text.split('\n'))
    tree = ast.parse(text)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if last:
        tree.body = tree.body[:-1]
    exec(compile(tree, 'cell', 'exec'), namespace)
    if last:
        value = eval(compile(ast.Expression(last.value), 'cell', 'eval'), namespace)
        if value is not None:
            print(repr(value))
