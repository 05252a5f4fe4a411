# annotationlib (PEP 649/749): get_annotations with Format.VALUE, FORWARDREF and STRING for
# functions, classes and modules; ForwardRef (repr, __forward_arg__, evaluate); the
# VALUE_WITH_FAKE_GLOBALS rules; call_annotate_function, annotations_to_string,
# type_repr, get_annotate_from_class_namespace; __annotate__ attribute errors.
# annotationlib and __annotate__ exist only from Python 3.14, and the .expected file is
# recorded with CPython 3.13: under 3.13 each line prints the result the Python 3.14
# annotationlib docs (https://docs.python.org/3.14/library/annotationlib.html) give
# for it (the `expected` argument); under 3.14 and Pyrite the line prints what the call
# really returns, so any difference from the documented 3.14 result fails the test.
import sys
import types

try:
    import annotationlib
    from annotationlib import Format, ForwardRef, get_annotations
except ImportError:
    annotationlib = None


def show(label, compute, expected):
    if annotationlib is None:
        print(label, expected)
        return
    try:
        print(label, compute())
    except Exception as e:
        print(label, type(e).__name__, e)


def definitions():
    """The annotated objects: under 3.13 their annotations would be evaluated (and fail)
    at definition time, so they are only made when annotationlib exists."""
    def func(a: int, b: Undefined, c: list[Missing], *args: tuple[int, ...],
             d: mod.attr.call(1, k=2)[0:3, ...] = None, **kw: -X + 2 * Y ** 2) -> dict[str, "Q"]:
        pass

    class Klass:
        x: int
        y: Later[int]
        z: "Klass"
        w: x

    return func, Klass


func, Klass = definitions() if annotationlib else (None, None)


def forward_args(ann):
    """A FORWARDREF result with each ForwardRef shown by its argument (its repr names the
    owner function, whose address varies)."""
    def one(v):
        if isinstance(v, ForwardRef):
            return f"<{v.evaluate(format=Format.STRING)}>"
        if isinstance(v, types.GenericAlias):
            return f"{v.__origin__.__name__}[{', '.join(one(a) for a in v.__args__)}]"
        return repr(v)
    return {k: one(v) for k, v in ann.items()}


show("func VALUE:", lambda: get_annotations(func), "NameError name 'Undefined' is not defined")
show("func FORWARDREF:", lambda: forward_args(get_annotations(func, format=Format.FORWARDREF)),
     "{'a': \"<class 'int'>\", 'b': '<Undefined>', 'c': 'list[<Missing>]', 'args': "
     "\"tuple[<class 'int'>, Ellipsis]\", 'd': '<mod.attr.call(1, k=2)[0:3, ...]>', "
     "'kw': '<-X + 2 * Y ** 2>', 'return': \"dict[<class 'str'>, 'Q']\"}")
show("func STRING:", lambda: get_annotations(func, format=Format.STRING),
     "{'a': 'int', 'b': 'Undefined', 'c': 'list[Missing]', 'args': 'tuple[int, ...]', "
     "'d': 'mod.attr.call(1, k=2)[0:3, ...]', 'kw': '-X + 2 * Y ** 2', "
     "'return': \"dict[str, 'Q']\"}")
show("class STRING:", lambda: get_annotations(Klass, format=Format.STRING),
     "{'x': 'int', 'y': 'Later[int]', 'z': 'Klass', 'w': 'x'}")
show("class FORWARDREF:", lambda: get_annotations(Klass, format=Format.FORWARDREF),
     "{'x': <class 'int'>, 'y': ForwardRef('Later[int]', is_class=True, "
     "owner=<class '__main__.definitions.<locals>.Klass'>), 'z': 'Klass', 'w': ForwardRef('x', is_class=True, "
     "owner=<class '__main__.definitions.<locals>.Klass'>)}")
show("class VALUE:", lambda: get_annotations(Klass), "NameError name 'Later' is not defined")
later_ref = get_annotations(Klass, format=Format.FORWARDREF)["y"] if annotationlib else None
Later = dict
show("evaluate:", lambda: later_ref.evaluate(), "dict[int]")
show("now VALUE:", lambda: get_annotations(Klass), "NameError name 'x' is not defined")
x = 5
show("now FORWARDREF:", lambda: get_annotations(Klass, format=Format.FORWARDREF),
     "{'x': <class 'int'>, 'y': dict[int], 'z': 'Klass', 'w': 5}")
show("module STRING:", lambda: get_annotations(sys.modules[__name__], format=Format.STRING),
     "{}")

ref = annotationlib.ForwardRef("Nope") if annotationlib else None
show("ForwardRef repr:", lambda: repr(ref), "ForwardRef('Nope')")
show("ForwardRef arg:", lambda: ref.__forward_arg__, "Nope")
show("evaluate FORWARDREF:", lambda: ref.evaluate(format=Format.FORWARDREF) is ref, "True")
show("evaluate VALUE:", lambda: ref.evaluate(), "NameError name 'Nope' is not defined")
show("evaluate STRING:", lambda: ref.evaluate(format=Format.STRING), "Nope")
show("evaluate globals:", lambda: ForwardRef("a + b").evaluate(globals={"a": 1, "b": 2}), "3")
show("ForwardRef eq:", lambda: ForwardRef("X") == ForwardRef("X"), "True")
show("ForwardRef bad:", lambda: ForwardRef(3), "TypeError Forward reference must be a string -- got 3")
show("ForwardRef expr:", lambda: ForwardRef("1 +").__forward_code__,
     "SyntaxError Forward reference must be an expression -- got '1 +'")


def subclass_forwardref():
    class Sub(ForwardRef):
        pass


show("ForwardRef subclass:", subclass_forwardref, "TypeError Cannot subclass ForwardRef")
show("Format:", lambda: (repr(Format.STRING), Format(1).name, int(Format.FORWARDREF)),
     "('<Format.STRING: 4>', 'VALUE', 3)")
show("Format bad:", lambda: Format(7), "ValueError 7 is not a valid Format")
show("fake globals format:", lambda: get_annotations(func, format=Format.VALUE_WITH_FAKE_GLOBALS),
     "ValueError The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
show("call fake globals:",
     lambda: annotationlib.call_annotate_function(func.__annotate__, Format.VALUE_WITH_FAKE_GLOBALS),
     "ValueError The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
show("annotate(3):", lambda: func.__annotate__(3), "NotImplementedError ")
show("eval_str + STRING:", lambda: get_annotations(func, eval_str=True, format=Format.STRING),
     "ValueError eval_str=True is only supported with format=Format.VALUE")
show("bad format:", lambda: get_annotations(func, format=9), "ValueError Unsupported format 9")
show("no annotations:", lambda: get_annotations(3), "TypeError 3 does not have annotations")


def handmade(format):
    if format == 1:
        return {"v": int}
    raise NotImplementedError


class Custom:
    pass


Custom.__annotate__ = handmade
show("handmade STRING:", lambda: get_annotations(Custom, format=Format.STRING), "{'v': 'int'}")
show("handmade FORWARDREF:", lambda: get_annotations(Custom, format=Format.FORWARDREF),
     "{'v': <class 'int'>}")
show("to_string:", lambda: annotationlib.annotations_to_string(
    {"a": int, "b": list[int], "c": "s", "d": ..., "e": Klass, "f": len}),
     "{'a': 'int', 'b': 'list[int]', 'c': 's', 'd': '...', 'e': '__main__.definitions.<locals>.Klass', 'f': 'len'}")
show("type_repr:", lambda: (annotationlib.type_repr(types.ModuleType), annotationlib.type_repr(3)),
     "('module', '3')")
ns = {"__annotate_func__": handmade}
show("from namespace:", lambda: annotationlib.get_annotate_from_class_namespace(ns) is handmade,
     "True")
show("from empty namespace:", lambda: annotationlib.get_annotate_from_class_namespace({}), "None")


def set_annotate(obj, value):
    obj.__annotate__ = value
    return obj.__annotate__


def del_annotate(obj):
    del obj.__annotate__


def plain(x: int): pass


show("set None:", lambda: (set_annotate(plain, None), plain.__annotations__), "(None, {})")
show("set 3:", lambda: set_annotate(plain, 3), "TypeError __annotate__ must be callable or None")
show("del function:", lambda: del_annotate(plain), "TypeError __annotate__ cannot be deleted")
show("del class:", lambda: del_annotate(Custom), "TypeError cannot delete __annotate__ attribute")
show("set int:", lambda: set_annotate(int, None),
     "TypeError cannot set '__annotate__' attribute of immutable type 'int'")
show("set class:", lambda: set_annotate(Custom, lambda f: {"n": f}) and Custom.__annotations__,
     "{'n': 1}")
