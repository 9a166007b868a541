def outer():
    def inner():
        return missing_variable + 1
    return inner()

print("before")
outer()
