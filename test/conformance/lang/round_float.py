# round(x, ndigits): the exact binary value rounded half-even, read back
# as the nearest double (CPython's double_round), ints and the errors.
vals = [2.675, 0.125, 0.375, 1.5, 2.5, -0.5, -1.5, 1234.5678, 1e300, 1e-300, 5e-324, 0.1 + 0.2, 1.0000000000000002, 123.456, -123.456, 1e16, 4.35, 8.875, 0.045, 2.0000000000000004]
for v in vals:
    print(repr(v), [round(v, n) for n in (-3, -1, 0, 1, 2, 3, 15, 17, 400)], round(v))
print(round(-0.0), round(-0.0, 1), round(0.4), round(-0.4, 0), round(5, -1), round(15, -1), round(25, -1), round(-25, -1), round(123456, -2), round(True), round(True, 1), round(7, 0), round(7, 3))
print(round(2.5, None), round(10**30 + 5, -1), round(1e22, -21), round(12.5, -1), round(float(2**53 + 1)))
for bad in [lambda: round(float("inf")), lambda: round(float("nan")), lambda: round(1.5, 2.0), lambda: round("x"), lambda: round(1e308 * 10, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    round(1.7976931348623157e308, -307)
except OverflowError as e:
    print(e)
print(round(5e-324, 310), round(5e-324, 323), round(5e-324, 324), round(0.5, 0), round(-2.5, 0), round(1e-320, 320))
import random
random.seed(1)
xs = [random.uniform(-1000, 1000) for _ in range(300)] + [random.random() * 10 ** random.randint(-20, 20) for _ in range(300)]
print(sum(hash(round(x, n)) % 1000003 for x in xs for n in range(-5, 18)))
print([round(x, 3) for x in xs[:5]])
