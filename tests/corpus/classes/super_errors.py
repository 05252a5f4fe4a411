# super() error messages
def f():
    return super()
try:
    f()
except RuntimeError as e:
    print("RuntimeError:", e)

class A:
    def m(self):
        def inner():
            return super()
        return inner()
    def n():
        return super().n()
    @staticmethod
    def s():
        return super().x
try:
    A().m()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    A.n()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    A.s()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(A, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    super(5, A())
except TypeError as e:
    print("TypeError:", e)
class B(A):
    def m(self):
        return super().missing
try:
    B().m()
except AttributeError as e:
    print("AttributeError:", e)
print(super(B, B()).m.__name__)
super(int, "x")
