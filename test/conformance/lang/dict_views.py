from collections import OrderedDict
d = {"a": 1, "b": 2}
k = d.keys()
print(k, d.values(), d.items(), len(k), "a" in k, list(k))
d["c"] = 3
print(k, sorted(d.values()), [kv for kv in d.items()])
o = OrderedDict(x=1)
print(o.keys(), o.items(), o.values())
for key, val in d.items():
    print(key, val)
print(list(zip(d.keys(), d.values())), max(d.values()), sum(d.values()))
