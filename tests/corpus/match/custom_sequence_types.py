# match: which builtin and user types count as sequences and mappings for patterns
class MyList(list):
    pass
class MyTuple(tuple):
    pass
class MyDict(dict):
    pass
class NotSeq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i

for v in [MyList([1, 2]), MyTuple((1, 2)), range(2), NotSeq(), MyDict(a=1), "xy", b"xy", memoryview(b"xy"), (1, 2)]:
    match v:
        case {"a": a}:
            print(type(v).__name__, "mapping with a =", a)
        case [p, q]:
            print(type(v).__name__, "sequence", p, q)
        case _:
            print(type(v).__name__, "neither")
match MyList([1, 2, 3]):
    case MyList([1, *rest]):
        print("class pattern with self-match via list subclass", rest)
