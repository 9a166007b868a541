s = "Hello, World"
print(s.upper(), s.lower(), s.title(), s.swapcase(), len(s))
print(s[0], s[-1], s[2:5], s[::-1], s[::2], s[100:], s[-3:])
print(s.split(","), s.split(), "a,b,,c".split(","), "  x  y ".split(), "a b c".split(" ", 1))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), s.replace("l", "L"), s.replace("l", "L", 2))
print(s.find("o"), s.find("z"), s.index("W"), s.count("l"), s.startswith("Hell"), s.endswith(("x", "ld")))
print("  pad  ".strip(), "xxhixx".strip("x"), "  a".lstrip(), "b  ".rstrip() + "|")
print("abc".center(9, "*"), "abc".ljust(6) + "|", "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print("123".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace(), "ABC".isupper(), "abc".islower())
print("a" in "abc", "z" not in "abc", "ab" * 3, "x" + "y", "abc" < "abd", "B" < "a")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\nnew"), repr("back\\slash"))
print(str(42), str([1, "a"]), repr([1, "a"]), str((1,)), str({"k": "v"}), str(None))
print("capitalize me".capitalize(), "a-b-c".partition("-"), "x.py".removesuffix(".py"), "prefix_x".removeprefix("prefix_"))
print("line1\nline2\r\nline3".splitlines(), "abc"[1], list("abc"), sorted("cba"))
t = """triple
quoted"""
print(t, r"raw\n", "esc\x41\u00e9", 'single' "adjacent" 'concat')
for ch in "hi":
    print(ch, end=";")
print()
print("a", "b", "c", sep="-", end="!\n")
print("%s is %d years and %.2f%%" % ("Ann", 30, 99.5), "%5s|%-5s|%05d|%+d|%x|%e" % ("r", "l", 42, 7, 255, 12345.678))
print("%(name)s=%(val)r" % {"name": "k", "val": "v"}, "%c%c" % (72, "i"), "%.3g" % 0.000123456, "%10.4f|" % 3.14159)
