# match: AttributeError from a property means no match, other exceptions propagate
class Lazy:
    __match_args__ = ("value", "boom")
    @property
    def value(self):
        raise AttributeError("no value yet")
    @property
    def boom(self):
        raise RuntimeError("boom property")

match Lazy():
    case Lazy(v):
        print("no")
    case Lazy():
        print("AttributeError: treated as no match")
match Lazy():
    case Lazy(boom=b):
        print("unreachable")
