# Helper for main_name.py.
import sys
print("imported as", __name__, "main?", __name__ == "__main__")
main_module = sys.modules["__main__"]
if __name__ == "__main__":
    print("never runs when imported")
