# Values the e2e hover test expects for examples/seed.py, printed by real
# PyTorch (the specification). Regenerate with:
#   .venv-torch/bin/python test/e2e/golden/seed_values.py > test/e2e/golden/seed_values.json
import json
import torch

torch.manual_seed(7)
features = torch.randn((1, 5))
weights = torch.randn_like(features)
bias = torch.randn((1, 1))
total = torch.sum(features * weights)
try:
    torch.mm(features, weights)
    mm_error = None
except RuntimeError as e:
    mm_error = str(e)

print(json.dumps({
    "torch": torch.__version__,
    "features": repr(features),
    "weights": repr(weights),
    "sum_features_weights": repr(total),
    "mm_error": mm_error,
    "mm_fixed_view": repr(torch.mm(features, weights.view(5, 1))),
}, indent=2))
