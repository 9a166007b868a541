# ints, floats, bools: exact int/float semantics and Python's float repr
print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 100, 2 ** -1, (-2) ** 3)
print(7.0 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 1e300 * 10, -1e300 * 10)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e-5, 1e-4, 1e16, 1e15, 123456789.123456789, 1.0, -0.0, 100.0)
print(3 * True, True + True, False - 1, True / 2, int(True), float(False))
print(10 ** 20, 10 ** 20 / 3, 2 ** 64 // 3, -(2 ** 64) // 7, (2 ** 64) % 1000)
print(int("42"), int(" -17 "), int("ff", 16), int("0b101", 0), int(3.9), int(-3.9), float("1e3"), float("inf"), float("-nan"))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(15, -1), round(25, -1), round(0.125, 2))
print(abs(-3), abs(-3.5), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 10), pow(2, 10, 1000), pow(2.0, 0.5))
print(max(3, 1, 2), min([4, 2, 8]), max("abc"), min(3, 1.5), sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 1 is not None, 2 != 2.0, 0.1 + 0.2 == 0.3)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -1 >> 1)
print(float(10 ** 16), 1e22, 1.5e-7, 2.5e+20, 12345678901234567890.0, 3.0e-10)
print(hex(255), oct(8), bin(5), chr(65), ord("a"), bool(0), bool(0.0), bool(""), bool("x"), bool([]))
x = 5
x += 2
x *= 3
x //= 4
x **= 2
x -= 1
x %= 7
print(x)
y = 2.5
y /= 2
print(y, type(y).__name__, type(x).__name__, type(True).__name__, type(None).__name__)
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), issubclass(bool, int))
print(float("3.14"), str(3.0), repr(0.1), str(1e100), 1e100 / 3, -1.5e-300 / 1e10)
print(int(1e20), 7 // 0.5, 2 ** 0.5, 10 ** -2, (-8) ** 2, 0 ** 0)
