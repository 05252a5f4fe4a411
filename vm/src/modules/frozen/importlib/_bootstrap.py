"""Module specs and loaders: the objects the Rust import system attaches to modules as
__spec__ and __loader__ (CPython keeps these in importlib._bootstrap too)."""


class ModuleSpec:
    """What the import system knows about a module before and after loading it."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.origin is not None:
            args.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            args.append(f"submodule_search_locations={self.submodule_search_locations}")
        return f"{type(self).__name__}({', '.join(args)})"

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (
                self.name == other.name
                and self.loader == other.loader
                and self.origin == other.origin
                and smsl == other.submodule_search_locations
                and self.cached == other.cached
                and self.has_location == other.has_location
            )
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        return self._cached

    @property
    def parent(self):
        """The name of the package the module belongs to ('' for top-level modules)."""
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr


class SourceFileLoader:
    """Loads a module from a .py file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__name__} object>"

    def get_filename(self, name=None):
        return self.path

    def is_package(self, fullname):
        return self.path.rpartition("/")[2] == "__init__.py"


class FrozenImporter:
    """Loader of the modules Pyrite freezes into its binary (written in Python)."""


class BuiltinImporter:
    """Loader of the modules Pyrite implements in Rust."""


class NamespaceLoader:
    """Loader of namespace packages (directories without __init__.py)."""

    def __init__(self, name, path):
        self.name = name
        self.path = path


class _NamespacePath(list):
    """The __path__ of a namespace package: every directory that contributes to it."""

    def __repr__(self):
        return f"_NamespacePath({list.__repr__(self)})"


def _resolve_name(name, package, level):
    """The absolute name of a relative import of `name` at `level` dots from `package`."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def _spec_for_file(name, path, package_dir):
    """The spec of a source module (package_dir: its directory when it is a package)."""
    loader = SourceFileLoader(name, path)
    spec = ModuleSpec(name, loader, origin=path, is_package=package_dir is not None)
    if package_dir is not None:
        spec.submodule_search_locations.append(package_dir)
    spec._set_fileattr = True
    return spec, loader


def _spec_for_namespace(name, paths):
    path = _NamespacePath(paths)
    loader = NamespaceLoader(name, path)
    spec = ModuleSpec(name, loader, is_package=True)
    spec.submodule_search_locations = path
    return spec, loader, path


def _spec_for_frozen(name, is_package):
    spec = ModuleSpec(name, FrozenImporter, origin="frozen", is_package=is_package)
    return spec, FrozenImporter


def _spec_for_builtin(name):
    return ModuleSpec(name, BuiltinImporter, origin="built-in"), BuiltinImporter
