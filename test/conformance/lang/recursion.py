def depth(n):
    return depth(n + 1)

try:
    depth(0)
except RecursionError as e:
    print("caught:", e)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), fact(200) % 1000007)
