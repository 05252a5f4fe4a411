# -m package: runs the package's __main__.py after its __init__.py (argv: -m _mainpkg)
import os
import sys


def describe(modules):
    names = sorted(n for n in modules if "mainpkg" in n or n == "__main__")
    main = modules["__main__"]
    return (
        names,
        main.__file__ == os.path.abspath(os.path.join("_mainpkg", "__main__.py")),
        sys.argv[0] == main.__file__,
        __name__,
    )


if __name__ == "__main__":
    print("run directly")
