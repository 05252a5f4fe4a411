# match: the callee of a class pattern must be a class
import sys
class Box:
    kind = len
    cls = int

match 5:
    case Box.cls():
        print("int via dotted name")
match [1, 2]:
    case Box.kind():
        print("unreachable")
