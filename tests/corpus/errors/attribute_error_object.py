# Uncaught AttributeError on a module-level instance of a user class.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
print(p.z)
