import json, string
cfg = {"lr": 0.001, "layers": [784, 128, 10], "name": "mlp", "ok": True, "none": None, "nested": {"b": 1, "a": 2.5}}
print(json.dumps(cfg))
print(json.dumps(cfg, indent=2))
print(json.dumps(cfg, sort_keys=True, indent=4))
print(json.dumps([]), json.dumps({}), json.dumps("é\n"), json.dumps((1, 2)))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation))
back = json.loads(json.dumps(cfg))
print(back, back == cfg, json.loads("[1, 2.0, -3e2, \"x\\ny\", null, {\"k\": [true]}]"))
try:
    json.loads("{bad")
except ValueError as e:
    print(type(e).__name__, e)
