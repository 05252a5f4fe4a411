# Many instances with the same attributes in the same and different orders
class Node:
    def __init__(self, v, flip):
        if flip:
            self.right = None
            self.value = v
        else:
            self.value = v
            self.right = None

nodes = [Node(i, i % 3 == 0) for i in range(10)]
for i in range(9):
    nodes[i].right = nodes[i + 1]
total = 0
n = nodes[0]
while n is not None:
    total += n.value
    n = n.right
print(total)
print([list(vars(x)) for x in nodes[:4]])
nodes[2].extra = "x"
print(list(nodes[2].__dict__), getattr(nodes[3], "extra", "none"))
for k in range(40):
    setattr(nodes[5], f"a{k}", k)
print(len(vars(nodes[5])), nodes[5].a39, nodes[5].value)
del nodes[5].a0
print(hasattr(nodes[5], "a0"), list(vars(nodes[5]))[:3])
s = 0
for _ in range(1000):
    for x in nodes:
        s += x.value
print(s)
