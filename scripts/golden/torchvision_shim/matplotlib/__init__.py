"""A print-nothing stand-in for matplotlib in golden runs (no matplotlib in
the project's venv). Plotting never writes to stdout, so golden stdout is the
same as with real matplotlib; figures are checked by the engine's own tests."""
__version__ = '3.8.0'


def use(*args, **kwargs):
    return None
