# Two-argument super, super in classmethods/staticmethods and with type as second arg
class A:
    @classmethod
    def create(cls):
        return f"A.create({cls.__name__})"
    def go(self):
        return "A.go"
    @staticmethod
    def st():
        return "A.st"
    @property
    def p(self):
        return "A.p"

class B(A):
    @classmethod
    def create(cls):
        return "B>" + super().create()
    def go(self):
        return "B>" + super(B, self).go()
    @staticmethod
    def st():
        return "B>" + super(B, B).st()
    @property
    def p(self):
        return "B>" + super().p

class C(B):
    @classmethod
    def create(cls):
        return "C>" + super(C, cls).create()

print(A.create(), B.create(), C.create())
print(C().go(), B.st(), C().p)
print(super(B, C).create())
print(super(B, C()).go())
print(super(C, C).go(C()))
try:
    super(C, B)
except TypeError as e:
    print("TypeError:", e)
sup = super(B, B())
print(repr(sup).startswith("<super: <class 'B'>, <B object"))
print(repr(super(B, B)))
