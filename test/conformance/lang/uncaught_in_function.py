class Model:
    def forward(self, x):
        return self.layer(x)

    def layer(self, x):
        if x > 2:
            raise RuntimeError(f"bad input {x}")
        return x * 2

m = Model()
for i in range(5):
    print(m.forward(i))
