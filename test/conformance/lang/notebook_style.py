values = [1.5, 2.25, 3.0]
mean = sum(values) / len(values)
var = sum((v - mean) ** 2 for v in values) / len(values)
print(f"mean={mean:.4f} var={var:.4f} std={var ** 0.5:.4f}")
table = {"lr": 0.001, "epochs": 10, "batch": 64}
for key, value in table.items():
    print(f"{key:>8}: {value}")
losses = [1 / (i + 1) for i in range(5)]
print("epoch | loss")
for epoch, loss in enumerate(losses, 1):
    print(f"{epoch:5d} | {loss:.6f}")
print(f"best epoch: {losses.index(min(losses)) + 1}")
print(1e-3, 3e-4, 0.001 * 3, 2.0 ** -10, 1 / 1024)
