for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print("i", i)
else:
    print("never")

for i in range(3):
    pass
else:
    print("for-else", i)

n = 0
while n < 5:
    n += 1
    if n == 10:
        break
else:
    print("while-else", n)

while True:
    n -= 1
    if n < 2:
        break
print("n", n)

x = 7
if x < 5:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")

print("yes" if x else "no", x and 0, x or 0, 0 or "", None or "d", not x, 1 and 2 and 3)

for a, b in [(1, 2), (3, 4)]:
    print(a + b, end=" ")
print()
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)

total = 0
for row in [[1, 2], [3]]:
    for v in row:
        total += v
print(total)

def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            return i
    return -1
print(find([4, 5, 6], 5), find([], 1))

count = 0
for i in range(3):
    for j in range(3):
        if j > i:
            break
        count += 1
print(count)
if (y := 10) > 5:
    print("walrus", y)
i = 0
while (i := i + 1) < 3:
    print("w", i)
