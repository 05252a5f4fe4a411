# A singly linked list implemented with classes: push, pop, reverse, iteration, len and repr.
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def pop(self):
        if self.head is None:
            raise IndexError('pop from empty LinkedList')
        v = self.head.val
        self.head = self.head.next
        self.size -= 1
        return v
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.val
            cur = cur.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return 'LinkedList([' + ', '.join(map(repr, self)) + '])'
ll = LinkedList(range(6))
print(ll, len(ll))
ll.reverse()
print(ll, ll.pop(), ll.pop(), ll, len(ll))
empty = LinkedList()
try:
    empty.pop()
except IndexError as e:
    print(type(e).__name__, e)
print(sum(LinkedList(range(1000))), list(LinkedList('abc')))
