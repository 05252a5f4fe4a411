# __eq__ and __ne__, __lt__ ordering with sorted(), __hash__ for dict keys and sets.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))
vs = [Version(s) for s in ['1.10', '1.2', '1.2.1', '0.9', '1.2']]
print(sorted(vs), max(vs), min(vs), vs[1] == vs[4], vs[1] != vs[4], vs[0] == '1.10', vs[0] != 5)
print(len(set(vs)), {v: str(v) for v in vs})
print(vs[1] > vs[3], vs[1] <= vs[2] if hasattr(Version, '__le__') and False else 'no __le__ check')
try:
    print(vs[0] <= vs[1])
except TypeError as e:
    print(type(e).__name__, e)
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)
print(NoHash() == 1, NoHash() != 1, NoHash.__hash__)
