# Uncaught error in a method called from another method (traceback shows both frames).
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop()
    def pop_two(self):
        return self.pop(), self.pop()
s = Stack()
s.push(1)
s.push(2)
s.push(3)
print(s.pop_two())
print(s.pop_two())
