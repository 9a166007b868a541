"""matplotlib.pyplot stand-in: every call is accepted and draws nothing."""


class _Anything:
    def __call__(self, *args, **kwargs):
        return _Anything()

    def __getattr__(self, name):
        return _Anything()

    def __getitem__(self, key):
        return _Anything()

    def __iter__(self):
        return iter(())


def subplots(nrows=1, ncols=1, **kwargs):
    n = nrows * ncols
    axes = [_Anything() for _ in range(n)]
    if n == 1:
        return _Anything(), axes[0]
    if nrows == 1 or ncols == 1:
        return _Anything(), axes
    return _Anything(), [axes[r * ncols:(r + 1) * ncols] for r in range(nrows)]


def hist(x, bins=10, **kwargs):
    return None, None, None


def __getattr__(name):
    return _Anything()
