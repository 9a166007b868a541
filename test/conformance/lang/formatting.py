pi = 3.14159265
n = 1234567
print(f"{pi:.3f} {pi:10.2f}| {pi:<10.1f}| {pi:^10.3f}| {pi:+.2f} {-pi:.0f}")
print(f"{n:,} {n:_} {n:>12,} {n:012,d} {0.5:.1%} {1/3:.2%}")
print(f"{42:>5}|{42:<5}|{42:^5}|{42:05}|{42:*^9}|{-42:=6}|{42:+}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#b} {65:c} {1e6:e} {1e6:.2E} {123456789:g} {0.0001:g}")
print(f"{'hi':>5}|{'hi':<5}|{'hi':^6}|{'hello':.3}|{'x':-^7}")
name = "world"
print(f"hello {name!r} {name!s} {name.upper()} {len(name)} {name[1:3]}")
print(f"{{literal}} {pi=:.2f} {n = }")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{'c':>{width}}]")
print(f"{True} {None} {[1, 2]} {(1, 'a')} {{'a': 1}}")
print(f"{3.0} {1e-7} {1e20} {2.5:g} {100.0:g} {1e16:g} {0.1 + 0.2}")
print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>8.3f}|{:<6}|{:^7}|".format(2.71828, "ab", "mid"), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
print("{!r} {:,.2f} {:08.3f} {:+d}".format("s", 1234567.891, -3.14159, 5))
print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(1234, ","), format(0.25, ".0%"))
print(f"{1.0:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f} {0.125:.2f} {0.375:.2f} {2.675:.2f}")
print(f"{12.0:.3g} {0.00001234:.3g} {123456.0:.3g} {1.0:g} {1e-5:g} {float('inf'):.2f} {float('nan'):f}")
print(f"{True:>6} {3:.2f} {7:e}")
