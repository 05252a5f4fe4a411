# __del__ that resurrects or raises: exceptions are reported, not propagated
saved = []
class Phoenix:
    def __init__(self, n): self.n = n
    def __del__(self):
        print("del", self.n)
        if self.n == 1:
            saved.append(self)
p = Phoenix(1)
del p
print("resurrected:", [x.n for x in saved])
q = Phoenix(2)
del q
print("gone")
class Counter:
    dels = 0
    def __del__(self):
        Counter.dels += 1
for i in range(100):
    Counter()
print(Counter.dels)
saved.clear()
print("cleared saved")
