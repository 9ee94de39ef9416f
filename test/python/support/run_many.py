"""Runs several exported scripts with --json in one python process, training each distinct run once.

    python3 run_many.py a.py b.py ...   # prints {"a.py": {"code": 0, "stdout": ..., "stderr": ...}, ...}

Each script is loaded as its own module and its main() runs in full, as `python3 a.py --json` would. The one
difference: its train() is shared with every other script whose source is the same apart from the docstring
and the FIGURE line, for the same data and run. Those inputs fix the result (train() seeds numpy's generator
before it draws), so a repeat would compute the same bits; it gets a deep copy of the first result instead,
and the generator's state as that train() left it. A script whose train() reaches FIGURE, directly or
through a function it calls, shares nothing.
"""
import ast
import contextlib
import copy
import hashlib
import importlib.util
import io
import json
import sys
import traceback
import types

import numpy as np

trained = {}


def code_key(source):
    """The script's source without its docstring and its FIGURE assignment, as a digest."""
    tree = ast.parse(source)
    body = [node for node in tree.body if not (
        (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))
        or (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "FIGURE" for t in node.targets)))]
    return hashlib.sha256(ast.dump(ast.Module(body=body, type_ignores=[])).encode()).hexdigest()


def reaches_figure(module, name, seen=None):
    """Whether module-level function `name` reads FIGURE, itself or through a module-level function it names."""
    seen = set() if seen is None else seen
    if name in seen:
        return False
    seen.add(name)
    fn = getattr(module, name, None)
    if not isinstance(fn, types.FunctionType):
        return False
    names = set(fn.__code__.co_names)
    for const in fn.__code__.co_consts:  # nested functions and comprehensions
        if isinstance(const, types.CodeType):
            names |= set(const.co_names)
    return "FIGURE" in names or any(reaches_figure(module, n, seen) for n in names)


def shared_train(module, key):
    original = module.train

    def train(X, Y, run, measure_symmetry=False):
        k = (key, hashlib.sha256(X.tobytes() + Y.tobytes()).hexdigest(), json.dumps(run, sort_keys=True), measure_symmetry)
        if k not in trained:
            result = original(X, Y, run, measure_symmetry)
            trained[k] = (result, np.random.get_state())
        result, state = trained[k]
        np.random.set_state(state)
        return copy.deepcopy(result)

    return train


def run_script(index, path):
    out, err, code = io.StringIO(), io.StringIO(), 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            source = open(path, encoding="utf-8").read()
            spec = importlib.util.spec_from_file_location("exported_%d" % index, path)
            module = importlib.util.module_from_spec(spec)
            sys.argv = [path, "--json"]
            spec.loader.exec_module(module)
            if hasattr(module, "train") and not reaches_figure(module, "train"):
                module.train = shared_train(module, code_key(source))
            module.main()
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:
            traceback.print_exc()
            code = 1
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


if __name__ == "__main__":
    paths = sys.argv[1:]
    results = {path: run_script(i, path) for i, path in enumerate(paths)}
    sys.stdout.write(json.dumps(results))
