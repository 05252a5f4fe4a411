# __ne__ defaults to the inverse of __eq__; subclass comparison methods take priority
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("A.eq")
        return isinstance(o, A) and self.v == o.v
class B(A):
    def __eq__(self, o):
        print("B.eq")
        return NotImplemented
    def __ne__(self, o):
        print("B.ne")
        return "B.ne result"
print(A(1) != A(1), A(1) != A(2))
print(A(1) == B(1))
print(A(1) != B(1))
class C:
    def __eq__(self, o): return NotImplemented
print(C() == C(), C() != C(), C() == 1)
c = C()
print(c == c, c != c)
class L:
    def __lt__(self, o):
        print("L.lt")
        return NotImplemented
class G(L):
    def __gt__(self, o):
        print("G.gt")
        return True
print(L() < G())
print(G() > L())
class OnlyNe:
    def __ne__(self, o): return "custom ne"
print(OnlyNe() != 1, OnlyNe() == 1)
