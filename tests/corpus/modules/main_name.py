# __name__ == "__main__", __file__, __spec__ and __package__ of the main script
import sys
print(__name__)
if __name__ == "__main__":
    print("running as a script")
print(__file__.endswith("modules/main_name.py"), __file__.startswith("/"))
print(repr(__package__), __spec__)
print(__builtins__.__name__ if hasattr(__builtins__, "__name__") else type(__builtins__))
print(sys.modules["__main__"].__name__)
import _whoami
print(_whoami.main_module is sys.modules[__name__])
print(__doc__)
print([k in globals() for k in ("__name__", "__file__", "__doc__", "__spec__", "__package__")])
print(sys.argv[0].endswith("main_name.py"))
print(__loader__ is not None)
