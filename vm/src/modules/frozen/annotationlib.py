"""Introspection of deferred annotations (PEP 649/749), Pyrite's own implementation.

The FORWARDREF and STRING formats re-run a compiler-made ``__annotate__`` function the way
CPython 3.14 does: with ``Format.VALUE_WITH_FAKE_GLOBALS`` and a globals dict whose missing
names become ``_Stringifier`` objects that record every operation applied to them. Each
stringifier keeps a small expression tree (tuples, see ``_render``) that renders with the
spacing and parentheses of ``ast.unparse``; for FORWARDREF the stringifiers left in the
result are turned into ``ForwardRef`` objects in place (they share their slots).
"""

import builtins
import enum
import sys
import types

__all__ = [
    "Format",
    "ForwardRef",
    "call_annotate_function",
    "call_evaluate_function",
    "get_annotate_from_class_namespace",
    "get_annotations",
    "annotations_to_string",
    "type_repr",
]


class Format(enum.IntEnum):
    VALUE = 1
    VALUE_WITH_FAKE_GLOBALS = 2
    FORWARDREF = 3
    STRING = 4


_sentinel = object()
# The hard keywords (no `keyword` module here): a name that is one is an expression to eval.
_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else "
    "except finally for from global if import in is lambda nonlocal not or pass raise "
    "return try while with yield".split()
)

# ast.unparse's precedence levels (a higher level binds tighter).
_TUPLE, _TEST, _OR, _AND, _NOT, _CMP = 2, 4, 5, 6, 7, 8
_EXPR, _BXOR, _BAND, _SHIFT, _ARITH, _TERM, _FACTOR, _POWER, _ATOM = (
    9, 10, 11, 12, 13, 14, 15, 16, 18
)
_BINOP_LEVEL = {
    "|": _EXPR, "^": _BXOR, "&": _BAND, "<<": _SHIFT, ">>": _SHIFT, "+": _ARITH,
    "-": _ARITH, "*": _TERM, "@": _TERM, "/": _TERM, "%": _TERM, "//": _TERM,
    "**": _POWER,
}
_INFSTR = "1e309"


def _render_constant(value):
    if value is ...:
        return "..."
    if isinstance(value, tuple):
        inner = ", ".join(_render_constant(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, (float, complex)):
        return repr(value).replace("inf", _INFSTR).replace("nan", f"({_INFSTR}-{_INFSTR})")
    return repr(value)


def _render_items(items, names):
    if len(items) == 1:
        return _render(items[0], _TEST, names) + ","
    return ", ".join(_render(e, _TEST, names) for e in items)


def _render(node, level=_TEST, names=None):
    """Source text of an expression tree, parenthesized for context `level` as ast.unparse
    does. `names` maps placeholder names to the values they stand for (rendered with
    type_repr), or is None to keep the placeholders."""
    kind = node[0]
    if kind == "Name":
        if names is not None and node[1] in names:
            return type_repr(names[node[1]])
        return node[1]
    if kind == "Constant":
        return _render_constant(node[1])
    if kind == "Attribute":
        value = node[1]
        text = _render(value, _ATOM, names)
        if value[0] == "Constant" and isinstance(value[1], int):
            text += " "
        return f"{text}.{node[2]}"
    if kind == "Subscript":
        value, index = node[1], node[2]
        if index[0] == "Tuple" and index[1]:
            inner = _render_items(index[1], names)
        else:
            inner = _render(index, _TEST, names)
        return f"{_render(value, _ATOM, names)}[{inner}]"
    if kind == "Slice":
        lower, upper, step = node[1], node[2], node[3]
        text = "" if lower is None else _render(lower, _TEST, names)
        text += ":"
        if upper is not None:
            text += _render(upper, _TEST, names)
        if step is not None:
            text += ":" + _render(step, _TEST, names)
        return text
    if kind == "Call":
        parts = [_render(a, _TEST, names) for a in node[2]]
        parts += [f"{k}={_render(v, _TEST, names)}" for k, v in node[3]]
        return f"{_render(node[1], _ATOM, names)}({', '.join(parts)})"
    if kind == "Starred":
        return "*" + _render(node[1], _EXPR, names)
    if kind == "BinOp":
        op = node[2]
        own = _BINOP_LEVEL[op]
        if op == "**":
            left, right = own + 1, own
        else:
            left, right = own, own + 1
        text = f"{_render(node[1], left, names)} {op} {_render(node[3], right, names)}"
        return f"({text})" if level > own else text
    if kind == "Compare":
        text = f"{_render(node[1], _CMP + 1, names)} {node[2]} {_render(node[3], _CMP + 1, names)}"
        return f"({text})" if level > _CMP else text
    if kind == "UnaryOp":
        op = node[1]
        own = _NOT if op == "not" else _FACTOR
        text = op + (" " if own == _NOT else "") + _render(node[2], own, names)
        return f"({text})" if level > own else text
    if kind == "Tuple":
        items = node[1]
        text = _render_items(items, names) if items else ""
        return f"({text})" if not items or level > _TUPLE else text
    if kind == "List":
        return "[" + ", ".join(_render(e, _TEST, names) for e in node[1]) + "]"
    if kind == "Set":
        if not node[1]:
            return "{*()}"
        return "{" + ", ".join(_render(e, _TEST, names) for e in node[1]) + "}"
    if kind == "Dict":
        pairs = [
            f"{_render(k, _TEST, names)}: {_render(v, _TEST, names)}"
            for k, v in zip(node[1], node[2])
        ]
        return "{" + ", ".join(pairs) + "}"
    raise AssertionError(f"unknown expression node {kind!r}")


# Slots shared by ForwardRef and _Stringifier, so that a stringifier can become a
# ForwardRef in place by assigning __class__.
_SLOTS = (
    "__forward_is_argument__",
    "__forward_is_class__",
    "__forward_module__",
    "__weakref__",
    "__arg__",
    "__globals__",
    "__extra_names__",
    "__code__",
    "__ast_node__",
    "__cell__",
    "__owner__",
    "__stringifier_dict__",
)


class ForwardRef:
    """A reference to a name (or expression) that could not be evaluated yet."""

    __slots__ = _SLOTS

    def __init__(self, arg, *, module=None, owner=None, is_argument=True, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__arg__ = arg
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module
        self.__owner__ = owner
        self.__globals__ = None
        self.__cell__ = None
        self.__extra_names__ = None
        self.__code__ = None
        self.__ast_node__ = None
        self.__stringifier_dict__ = None

    def __init_subclass__(cls, /, *args, **kwds):
        raise TypeError("Cannot subclass ForwardRef")

    def evaluate(self, *, globals=None, locals=None, type_params=None, owner=None,
                 format=Format.VALUE):
        """Evaluates the reference; with Format.FORWARDREF an undefined name gives self."""
        if format == Format.STRING:
            return self.__resolved_str__
        if format == Format.VALUE:
            is_forwardref_format = False
        elif format == Format.FORWARDREF:
            is_forwardref_format = True
        else:
            raise NotImplementedError(format)
        if isinstance(self.__cell__, types.CellType):
            try:
                return self.__cell__.cell_contents
            except ValueError:
                pass
        if owner is None:
            owner = self.__owner__
        if globals is None and self.__forward_module__ is not None:
            globals = getattr(sys.modules.get(self.__forward_module__, None), "__dict__", None)
        if globals is None:
            globals = self.__globals__
        if globals is None:
            if isinstance(owner, type):
                module_name = getattr(owner, "__module__", None)
                if module_name:
                    module = sys.modules.get(module_name, None)
                    if module:
                        globals = getattr(module, "__dict__", None)
            elif isinstance(owner, types.ModuleType):
                globals = getattr(owner, "__dict__", None)
            elif callable(owner):
                globals = getattr(owner, "__globals__", None)
        if globals is None:
            globals = {}
        if type_params is None and owner is not None:
            type_params = getattr(owner, "__type_params__", None)
        if locals is None:
            locals = {}
            if isinstance(owner, type):
                locals.update(vars(owner))
        elif type_params is not None or isinstance(self.__cell__, dict) or self.__extra_names__:
            locals = dict(locals)
        if type_params is not None:
            for param in type_params:
                locals.setdefault(param.__name__, param)
        if isinstance(self.__cell__, dict):
            for cell_name, cell in self.__cell__.items():
                try:
                    cell_value = cell.cell_contents
                except ValueError:
                    pass
                else:
                    locals.setdefault(cell_name, cell_value)
        if self.__extra_names__:
            locals.update(self.__extra_names__)
        arg = self.__forward_arg__
        if arg.isidentifier() and arg not in _KEYWORDS:
            if arg in locals:
                return locals[arg]
            if arg in globals:
                return globals[arg]
            if hasattr(builtins, arg):
                return getattr(builtins, arg)
            if is_forwardref_format:
                return self
            raise NameError(f"name '{arg:.200}' is not defined", name=arg)
        code = self.__forward_code__
        try:
            return eval(code, globals, locals)
        except Exception:
            if not is_forwardref_format:
                raise
        new_locals = _StringifierDict(
            {**builtins.__dict__, **globals, **locals},
            globals=globals,
            owner=owner,
            is_class=self.__forward_is_class__,
            format=format,
        )
        try:
            result = eval(code, globals, new_locals)
        except Exception:
            return self
        new_locals.transmogrify(self.__cell__)
        return result

    @property
    def __forward_arg__(self):
        if self.__arg__ is not None:
            return self.__arg__
        if self.__ast_node__ is not None:
            self.__arg__ = _render(self.__ast_node__)
            return self.__arg__
        raise AssertionError(
            "Attempted to access '__forward_arg__' on an uninitialized ForwardRef"
        )

    @property
    def __resolved_str__(self):
        # __forward_arg__ with the placeholder names written as the values they stand for.
        if self.__extra_names__ and self.__ast_node__ is not None:
            return _render(self.__ast_node__, _TEST, self.__extra_names__)
        return self.__forward_arg__

    @property
    def __forward_code__(self):
        if self.__code__ is not None:
            return self.__code__
        arg = self.__forward_arg__
        try:
            self.__code__ = compile(_rewrite_star_unpack(arg), "<string>", "eval")
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- got {arg!r}")
        return self.__code__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if isinstance(self.__cell__, dict) and isinstance(other.__cell__, dict):
            same_cells = (
                {name: id(cell) for name, cell in self.__cell__.items()}
                == {name: id(cell) for name, cell in other.__cell__.items()}
            )
        else:
            same_cells = self.__cell__ is other.__cell__
        return (
            self.__forward_arg__ == other.__forward_arg__
            and self.__forward_module__ == other.__forward_module__
            and self.__globals__ is other.__globals__
            and self.__forward_is_class__ == other.__forward_is_class__
            and same_cells
            and self.__owner__ == other.__owner__
            and _sorted_names(self.__extra_names__) == _sorted_names(other.__extra_names__)
        )

    def __hash__(self):
        if isinstance(self.__cell__, dict):
            cells = tuple(sorted((name, id(cell)) for name, cell in self.__cell__.items()))
        else:
            cells = id(self.__cell__)
        return hash((
            self.__forward_arg__,
            self.__forward_module__,
            id(self.__globals__),
            self.__forward_is_class__,
            (cells,),
            self.__owner__,
            _sorted_names(self.__extra_names__),
        ))

    def __or__(self, other):
        return types.UnionType[self, other]

    def __ror__(self, other):
        return types.UnionType[other, self]

    def __repr__(self):
        extra = []
        if self.__forward_module__ is not None:
            extra.append(f", module={self.__forward_module__!r}")
        if self.__forward_is_class__:
            extra.append(", is_class=True")
        if self.__owner__ is not None:
            extra.append(f", owner={self.__owner__!r}")
        return f"ForwardRef({self.__resolved_str__!r}{''.join(extra)})"


def _sorted_names(names):
    return tuple(sorted(names.items())) if names else None


class _Stringifier:
    """Stands for an undefined name while an annotate function runs with fake globals;
    every operation on it builds a bigger stringifier."""

    __slots__ = _SLOTS

    def __init__(self, node, globals=None, owner=None, is_class=False, cell=None, *,
                 stringifier_dict, extra_names=None):
        # Either an expression tree or a str (the common case of a single name).
        self.__arg__ = None
        self.__forward_is_argument__ = False
        self.__forward_is_class__ = is_class
        self.__forward_module__ = None
        self.__code__ = None
        self.__ast_node__ = node
        self.__globals__ = globals
        self.__extra_names__ = extra_names
        self.__cell__ = cell
        self.__owner__ = owner
        self.__stringifier_dict__ = stringifier_dict

    def __convert(self, other):
        """The expression tree standing for `other`, and the placeholder names it uses."""
        if isinstance(other, _Stringifier):
            return other.__get_node(), other.__extra_names__
        if (
            self.__stringifier_dict__.format == Format.STRING
            or other is None
            or type(other) in (str, int, float, bool, complex)
        ):
            return ("Constant", other), None
        if type(other) is dict:
            extra_names = {}
            keys = []
            values = []
            for key, value in other.items():
                new_key, new_names = self.__convert(key)
                if new_names is not None:
                    extra_names.update(new_names)
                keys.append(new_key)
                new_value, new_names = self.__convert(value)
                if new_names is not None:
                    extra_names.update(new_names)
                values.append(new_value)
            return ("Dict", keys, values), extra_names
        if type(other) in (list, tuple, set):
            extra_names = {}
            elts = []
            for elt in other:
                new_elt, new_names = self.__convert(elt)
                if new_names is not None:
                    extra_names.update(new_names)
                elts.append(new_elt)
            kind = {list: "List", tuple: "Tuple", set: "Set"}[type(other)]
            return (kind, elts), extra_names
        name = self.__stringifier_dict__.create_unique_name()
        return ("Name", name), {name: other}

    def __convert_index(self, other):
        if isinstance(other, slice):
            extra_names = {}

            def part(obj):
                if obj is None:
                    return None
                new_obj, new_names = self.__convert(obj)
                if new_names is not None:
                    extra_names.update(new_names)
                return new_obj

            return ("Slice", part(other.start), part(other.stop), part(other.step)), extra_names
        return self.__convert(other)

    def __get_node(self):
        node = self.__ast_node__
        if isinstance(node, str):
            return ("Name", node)
        return node

    def __make_new(self, node, extra_names=None):
        new_names = {}
        if self.__extra_names__ is not None:
            new_names.update(self.__extra_names__)
        if extra_names is not None:
            new_names.update(extra_names)
        stringifier = _Stringifier(
            node,
            self.__globals__,
            self.__owner__,
            self.__forward_is_class__,
            stringifier_dict=self.__stringifier_dict__,
            extra_names=new_names or None,
        )
        self.__stringifier_dict__.stringifiers.append(stringifier)
        return stringifier

    # Hashed by identity (__eq__ builds an expression), so they can be dict keys.
    def __hash__(self):
        return id(self)

    def __getitem__(self, other):
        # A class's names are read through its __classdict__ cell: a miss there must fall
        # through to the (fake) globals instead of stringifying '__classdict__[...]'.
        if self.__ast_node__ == "__classdict__":
            raise KeyError
        if isinstance(other, tuple):
            extra_names = {}
            elts = []
            for elt in other:
                new_elt, new_names = self.__convert_index(elt)
                if new_names is not None:
                    extra_names.update(new_names)
                elts.append(new_elt)
            index = ("Tuple", elts)
        else:
            index, extra_names = self.__convert_index(other)
        return self.__make_new(("Subscript", self.__get_node(), index), extra_names)

    def __getattr__(self, attr):
        return self.__make_new(("Attribute", self.__get_node(), attr))

    def __call__(self, *args, **kwargs):
        extra_names = {}
        node_args = []
        for arg in args:
            new_arg, new_names = self.__convert(arg)
            if new_names is not None:
                extra_names.update(new_names)
            node_args.append(new_arg)
        node_kwargs = []
        for key, value in kwargs.items():
            new_value, new_names = self.__convert(value)
            if new_names is not None:
                extra_names.update(new_names)
            node_kwargs.append((key, new_value))
        return self.__make_new(("Call", self.__get_node(), node_args, node_kwargs), extra_names)

    def __iter__(self):
        yield self.__make_new(("Starred", self.__get_node()))

    def __repr__(self):
        if isinstance(self.__ast_node__, str):
            return self.__ast_node__
        return _render(self.__ast_node__)

    def __format__(self, format_spec):
        raise TypeError("Cannot stringify annotation containing string formatting")

    def _make_binop(op):
        def binop(self, other):
            rhs, extra_names = self.__convert(other)
            return self.__make_new(("BinOp", self.__get_node(), op, rhs), extra_names)

        return binop

    def _make_rbinop(op):
        def rbinop(self, other):
            lhs, extra_names = self.__convert(other)
            return self.__make_new(("BinOp", lhs, op, self.__get_node()), extra_names)

        return rbinop

    def _make_compare(op):
        def compare(self, other):
            rhs, extra_names = self.__convert(other)
            return self.__make_new(("Compare", self.__get_node(), op, rhs), extra_names)

        return compare

    def _make_unary(op):
        def unary(self):
            return self.__make_new(("UnaryOp", op, self.__get_node()))

        return unary

    __add__ = _make_binop("+")
    __sub__ = _make_binop("-")
    __mul__ = _make_binop("*")
    __matmul__ = _make_binop("@")
    __truediv__ = _make_binop("/")
    __mod__ = _make_binop("%")
    __lshift__ = _make_binop("<<")
    __rshift__ = _make_binop(">>")
    __or__ = _make_binop("|")
    __xor__ = _make_binop("^")
    __and__ = _make_binop("&")
    __floordiv__ = _make_binop("//")
    __pow__ = _make_binop("**")
    __radd__ = _make_rbinop("+")
    __rsub__ = _make_rbinop("-")
    __rmul__ = _make_rbinop("*")
    __rmatmul__ = _make_rbinop("@")
    __rtruediv__ = _make_rbinop("/")
    __rmod__ = _make_rbinop("%")
    __rlshift__ = _make_rbinop("<<")
    __rrshift__ = _make_rbinop(">>")
    __ror__ = _make_rbinop("|")
    __rxor__ = _make_rbinop("^")
    __rand__ = _make_rbinop("&")
    __rfloordiv__ = _make_rbinop("//")
    __rpow__ = _make_rbinop("**")
    __lt__ = _make_compare("<")
    __le__ = _make_compare("<=")
    __eq__ = _make_compare("==")
    __ne__ = _make_compare("!=")
    __gt__ = _make_compare(">")
    __ge__ = _make_compare(">=")
    __invert__ = _make_unary("~")
    __pos__ = _make_unary("+")
    __neg__ = _make_unary("-")

    del _make_binop, _make_rbinop, _make_compare, _make_unary


class _StringifierDict(dict):
    """Fake globals: a missing name becomes a _Stringifier (and is remembered)."""

    def __init__(self, namespace, *, globals=None, owner=None, is_class=False, format):
        super().__init__(namespace)
        self.namespace = namespace
        self.globals = globals
        self.owner = owner
        self.is_class = is_class
        self.stringifiers = []
        self.next_id = 1
        self.format = format

    def __missing__(self, key):
        fwdref = _Stringifier(
            key,
            globals=self.globals,
            owner=self.owner,
            is_class=self.is_class,
            stringifier_dict=self,
        )
        self.stringifiers.append(fwdref)
        return fwdref

    def transmogrify(self, cell_dict):
        for obj in self.stringifiers:
            obj.__class__ = ForwardRef
            obj.__stringifier_dict__ = None
            if isinstance(obj.__ast_node__, str):
                obj.__arg__ = obj.__ast_node__
                obj.__ast_node__ = None
            if cell_dict is not None and obj.__cell__ is None:
                obj.__cell__ = cell_dict

    def create_unique_name(self):
        name = f"__annotationlib_name_{self.next_id}__"
        self.next_id += 1
        return name


def call_evaluate_function(evaluate, format, *, owner=None):
    """Calls an evaluate function (of a type alias or a type parameter's bound)."""
    return call_annotate_function(evaluate, format, owner=owner, _is_evaluate=True)


def _fake_globals_function(annotate, globals, closure):
    return types.FunctionType(
        annotate.__code__,
        globals,
        closure=closure,
        argdefs=annotate.__defaults__,
        kwdefaults=annotate.__kwdefaults__,
    )


def call_annotate_function(annotate, format, *, owner=None, _is_evaluate=False):
    """Calls an __annotate__ function for `format`; compiler-made ones only support
    VALUE, so FORWARDREF and STRING re-run them with fake globals."""
    if format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    try:
        return annotate(format)
    except NotImplementedError:
        pass
    if format == Format.STRING:
        try:
            annotate(Format.VALUE_WITH_FAKE_GLOBALS)
        except NotImplementedError:
            return annotations_to_string(annotate(Format.VALUE))
        except Exception:
            pass
        globals = _StringifierDict({}, format=format)
        is_class = isinstance(owner, type)
        closure, _ = _build_closure(annotate, owner, is_class, globals, allow_evaluation=False)
        func = _fake_globals_function(annotate, globals, closure)
        annos = func(Format.VALUE_WITH_FAKE_GLOBALS)
        if _is_evaluate:
            return _stringify_single(annos)
        return {key: _stringify_single(val) for key, val in annos.items()}
    if format == Format.FORWARDREF:
        namespace = {**annotate.__builtins__, **annotate.__globals__}
        is_class = isinstance(owner, type)
        globals = _StringifierDict(
            namespace,
            globals=annotate.__globals__,
            owner=owner,
            is_class=is_class,
            format=format,
        )
        closure, cell_dict = _build_closure(
            annotate, owner, is_class, globals, allow_evaluation=True
        )
        func = _fake_globals_function(annotate, globals, closure)
        try:
            result = func(Format.VALUE_WITH_FAKE_GLOBALS)
        except NotImplementedError:
            return annotate(Format.VALUE)
        except Exception:
            pass
        else:
            globals.transmogrify(cell_dict)
            return result
        # Again without real globals: every name is a stringifier, so operations that
        # failed on real values now succeed.
        globals = _StringifierDict(
            {},
            globals=annotate.__globals__,
            owner=owner,
            is_class=is_class,
            format=format,
        )
        closure, cell_dict = _build_closure(
            annotate, owner, is_class, globals, allow_evaluation=False
        )
        func = _fake_globals_function(annotate, globals, closure)
        result = func(Format.VALUE_WITH_FAKE_GLOBALS)
        globals.transmogrify(cell_dict)
        if _is_evaluate:
            if isinstance(result, ForwardRef):
                return result.evaluate(format=Format.FORWARDREF)
            return result
        return {
            key: val.evaluate(format=Format.FORWARDREF) if isinstance(val, ForwardRef) else val
            for key, val in result.items()
        }
    if format == Format.VALUE:
        raise RuntimeError("annotate function does not support VALUE format")
    raise ValueError(f"Invalid format: {format!r}")


def _build_closure(annotate, owner, is_class, stringifier_dict, *, allow_evaluation):
    """The annotate function's closure with empty (or, for STRING, all) cells replaced
    by cells holding stringifiers, and the original cells by name."""
    if not annotate.__closure__:
        return None, None
    new_closure = []
    cell_dict = {}
    for name, cell in zip(annotate.__code__.co_freevars, annotate.__closure__, strict=True):
        cell_dict[name] = cell
        new_cell = None
        if allow_evaluation:
            try:
                cell.cell_contents
            except ValueError:
                pass
            else:
                new_cell = cell
        if new_cell is None:
            fwdref = _Stringifier(
                name,
                cell=cell,
                owner=owner,
                globals=annotate.__globals__,
                is_class=is_class,
                stringifier_dict=stringifier_dict,
            )
            stringifier_dict.stringifiers.append(fwdref)
            new_cell = types.CellType(fwdref)
        new_closure.append(new_cell)
    return tuple(new_closure), cell_dict


def _stringify_single(anno):
    if anno is ...:
        return "..."
    # A str is kept as is: it is a PEP 563 string annotation already.
    if isinstance(anno, str):
        return anno
    return repr(anno)


def get_annotate_from_class_namespace(obj):
    """The __annotate__ function stored in a class namespace (a mapping), or None."""
    try:
        return obj["__annotate__"]
    except KeyError:
        return obj.get("__annotate_func__", None)


def get_annotations(obj, *, globals=None, locals=None, eval_str=False, format=Format.VALUE):
    """The annotations dict of a class, module or callable, as a new dict."""
    if eval_str and format != Format.VALUE:
        raise ValueError("eval_str=True is only supported with format=Format.VALUE")
    if format == Format.VALUE:
        ann = _get_dunder_annotations(obj)
        if ann is None:
            ann = _get_and_call_annotate(obj, format)
    elif format == Format.FORWARDREF:
        try:
            ann = _get_dunder_annotations(obj)
        except Exception:
            pass
        else:
            if ann is not None:
                return dict(ann)
        ann = _get_and_call_annotate(obj, format)
        if ann is None:
            ann = _get_dunder_annotations(obj)
    elif format == Format.STRING:
        ann = _get_and_call_annotate(obj, format)
        if ann is not None:
            return dict(ann)
        ann = _get_dunder_annotations(obj)
        if ann is not None:
            return annotations_to_string(ann)
    elif format == Format.VALUE_WITH_FAKE_GLOBALS:
        raise ValueError("The VALUE_WITH_FAKE_GLOBALS format is for internal use only")
    else:
        raise ValueError(f"Unsupported format {format!r}")
    if ann is None:
        if isinstance(obj, type) or callable(obj):
            return {}
        raise TypeError(f"{obj!r} does not have annotations")
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    if globals is None or locals is None:
        if isinstance(obj, type):
            obj_globals = None
            module_name = getattr(obj, "__module__", None)
            if module_name:
                module = sys.modules.get(module_name, None)
                if module:
                    obj_globals = getattr(module, "__dict__", None)
            obj_locals = dict(vars(obj))
            unwrap = obj
        elif isinstance(obj, types.ModuleType):
            obj_globals = getattr(obj, "__dict__")
            obj_locals = None
            unwrap = None
        elif callable(obj):
            obj_globals = getattr(obj, "__globals__", None)
            obj_locals = None
            unwrap = obj
        else:
            obj_globals = obj_locals = unwrap = None
        if unwrap is not None:
            seen = {id(unwrap)}
            while True:
                if hasattr(unwrap, "__wrapped__"):
                    candidate = unwrap.__wrapped__
                    if id(candidate) in seen:
                        break
                    seen.add(id(candidate))
                    unwrap = candidate
                    continue
                functools = sys.modules.get("functools")
                if functools and isinstance(unwrap, functools.partial):
                    candidate = unwrap.func
                    if id(candidate) in seen:
                        break
                    seen.add(id(candidate))
                    unwrap = candidate
                    continue
                break
            if hasattr(unwrap, "__globals__"):
                obj_globals = unwrap.__globals__
        if globals is None:
            globals = obj_globals
        if locals is None:
            locals = obj_locals
    if type_params := getattr(obj, "__type_params__", ()):
        if locals is None:
            locals = {}
        locals = {param.__name__: param for param in type_params} | locals
    return {
        key: value if not isinstance(value, str)
        else eval(_rewrite_star_unpack(value), globals, locals)
        for key, value in ann.items()
    }


def type_repr(value):
    """How a value is written in a STRING annotation: qualified names for classes and
    functions, repr() for the rest."""
    if isinstance(value, (type, types.FunctionType, types.BuiltinFunctionType)):
        if value.__module__ == "builtins":
            return value.__qualname__
        return f"{value.__module__}.{value.__qualname__}"
    if value is ...:
        return "..."
    return repr(value)


def annotations_to_string(annotations):
    """An annotations dict with its values written as in the STRING format (a new dict)."""
    return {n: t if isinstance(t, str) else type_repr(t) for n, t in annotations.items()}


def _rewrite_star_unpack(arg):
    """`'*Ts'` as an expression that evaluates (`(*Ts,)[0]`)."""
    if arg.lstrip().startswith("*"):
        return f"({arg},)[0]"
    return arg


def _get_and_call_annotate(obj, format):
    annotate = getattr(obj, "__annotate__", None)
    if annotate is not None:
        ann = call_annotate_function(annotate, format, owner=obj)
        if not isinstance(ann, dict):
            raise ValueError(f"{obj!r}.__annotate__ returned a non-dict")
        return ann
    return None


def _get_dunder_annotations(obj):
    if isinstance(obj, type):
        try:
            ann = obj.__annotations__
        except AttributeError:
            return None
    else:
        ann = getattr(obj, "__annotations__", None)
        if ann is None:
            return None
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    return ann
